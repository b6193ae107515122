package org.interlock.audit.head;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.interlock.audit.merkle.NodeHash;

/**
 * What the log commits to at a moment: its first {@code treeSize} records have root {@code rootHash}.
 * The signature covers {@link #signedBytes()}, a fixed 96-byte layout adapted from RFC 9162's
 * {@code TreeHeadDataV2}, all integers big-endian:
 * <pre>
 * offset  size  field
 *      0    15  ASCII "interlock-audit" — this key signs nothing else, and nothing else verifies as a head
 *     15     1  version = 1
 *     16     8  timestamp: milliseconds since 1970-01-01T00:00:00Z, unsigned
 *     24     8  tree size, unsigned
 *     32    32  root hash
 *     64    32  key id of the signing key (binds the head to the key that claims it)
 * </pre>
 *
 * @param timestamp when the head was sealed, kept to the millisecond
 */
public record TreeHead(long treeSize, NodeHash rootHash, Instant timestamp, KeyId keyId) {

    /** Version of the signed layout. */
    public static final int VERSION = 1;
    /** Length of {@link #signedBytes()}. */
    public static final int SIGNED_LENGTH = 96;

    private static final byte[] CONTEXT = "interlock-audit".getBytes(StandardCharsets.US_ASCII);

    public TreeHead {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size is not negative");
        }
        Objects.requireNonNull(rootHash, "rootHash");
        Objects.requireNonNull(keyId, "keyId");
        timestamp = Objects.requireNonNull(timestamp, "timestamp").truncatedTo(ChronoUnit.MILLIS);
        if (timestamp.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("timestamp before 1970 cannot be signed");
        }
    }

    /** The exact bytes the log's key signs. */
    public byte[] signedBytes() {
        return ByteBuffer.allocate(SIGNED_LENGTH)
                .put(CONTEXT)
                .put((byte) VERSION)
                .putLong(timestamp.toEpochMilli())
                .putLong(treeSize)
                .put(rootHash.toByteArray())
                .put(keyId.toByteArray())
                .array();
    }
}
