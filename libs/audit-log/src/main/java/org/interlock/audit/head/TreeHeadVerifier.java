package org.interlock.audit.head;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks signed tree heads against the log's published public keys. After a key rotation give it the
 * old and the new key: each head names its key by {@link KeyId}, so old heads stay verifiable.
 * Thread-safe.
 */
public final class TreeHeadVerifier {

    private final Map<KeyId, PublicKey> keys;

    private TreeHeadVerifier(Collection<PublicKey> publicKeys) {
        if (publicKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one public key");
        }
        Map<KeyId, PublicKey> byId = new LinkedHashMap<>();
        publicKeys.forEach(key -> byId.put(KeyId.of(key), key));
        this.keys = Map.copyOf(byId);
    }

    public static TreeHeadVerifier of(PublicKey... publicKeys) {
        return new TreeHeadVerifier(List.of(publicKeys));
    }

    public static TreeHeadVerifier of(Collection<PublicKey> publicKeys) {
        return new TreeHeadVerifier(publicKeys);
    }

    /** From published keys: each X.509 PEM, base64 SubjectPublicKeyInfo DER or base64 raw 32 bytes. */
    public static TreeHeadVerifier fromConfig(String... publicKeys) {
        return new TreeHeadVerifier(Arrays.stream(publicKeys).map(Ed25519Keys::publicKey).toList());
    }

    /** Whether the head names one of the keys and its signature holds. */
    public HeadCheck check(SignedTreeHead signed) {
        KeyId keyId = signed.head().keyId();
        PublicKey key = keys.get(keyId);
        if (key == null) {
            return new HeadCheck.UnknownKey(keyId);
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(signed.head().signedBytes());
            return signature.verify(signed.signature()) ? new HeadCheck.Valid(keyId) : new HeadCheck.BadSignature(keyId);
        } catch (GeneralSecurityException e) {
            return new HeadCheck.BadSignature(keyId);
        }
    }

    /** Shorthand for {@code check(signed) instanceof Valid}. */
    public boolean verify(SignedTreeHead signed) {
        return check(signed) instanceof HeadCheck.Valid;
    }

    public Set<KeyId> keyIds() {
        return keys.keySet();
    }
}
