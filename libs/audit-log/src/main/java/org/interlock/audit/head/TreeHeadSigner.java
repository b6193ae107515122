package org.interlock.audit.head;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import org.interlock.audit.merkle.NodeHash;

/**
 * Signs tree heads with the log's Ed25519 private key, which comes from configuration (a Secret) as one
 * string; the public key is derived from it, and its {@link KeyId} goes into every head. Thread-safe.
 */
public final class TreeHeadSigner {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final KeyId keyId;

    private TreeHeadSigner(PrivateKey privateKey) {
        this.privateKey = privateKey;
        this.publicKey = Ed25519Keys.publicKeyOf(privateKey);
        this.keyId = KeyId.of(publicKey);
    }

    /** From the configured private key: PKCS#8 PEM, base64 PKCS#8 DER or base64 raw seed. */
    public static TreeHeadSigner fromConfig(String privateKey) {
        return new TreeHeadSigner(Ed25519Keys.privateKey(privateKey));
    }

    public static TreeHeadSigner of(PrivateKey privateKey) {
        return new TreeHeadSigner(privateKey);
    }

    /** Seals the tree of {@code treeSize} leaves with root {@code rootHash} at {@code timestamp}. */
    public SignedTreeHead sign(long treeSize, NodeHash rootHash, Instant timestamp) {
        return sign(new TreeHead(treeSize, rootHash, timestamp, keyId));
    }

    /** Signs a head that names this signer's key. */
    public SignedTreeHead sign(TreeHead head) {
        if (!head.keyId().equals(keyId)) {
            throw new IllegalArgumentException("head names key " + head.keyId() + ", this signer holds " + keyId);
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(head.signedBytes());
            return new SignedTreeHead(head, signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public KeyId keyId() {
        return keyId;
    }

    /** The public key to publish for auditors. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** The public key as PEM, as the log publishes it. */
    public String publicKeyPem() {
        return Ed25519Keys.pem(publicKey);
    }

    /** A verifier for this signer's heads only. */
    public TreeHeadVerifier verifier() {
        return TreeHeadVerifier.of(publicKey);
    }
}
