package org.interlock.audit.head;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A tree head with the Ed25519 signature of its {@link TreeHead#signedBytes()} by the key it names. This
 * is what the log publishes and what auditors keep: with the public key alone it proves what the log
 * contained at {@code head().treeSize()}.
 */
public record SignedTreeHead(TreeHead head, byte[] signature) {

    /** Length of an Ed25519 signature. */
    public static final int SIGNATURE_LENGTH = 64;

    public SignedTreeHead {
        Objects.requireNonNull(head, "head");
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 signature is " + SIGNATURE_LENGTH + " bytes");
        }
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedTreeHead that && head.equals(that.head)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return 31 * head.hashCode() + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "SignedTreeHead[" + head + ", signature=" + HexFormat.of().formatHex(signature) + "]";
    }
}
