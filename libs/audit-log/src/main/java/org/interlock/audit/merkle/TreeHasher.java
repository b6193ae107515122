package org.interlock.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashing of RFC 9162 §2.1.1 with SHA-256: a leaf is hashed as {@code SHA-256(0x00 || leaf)} and an
 * interior node as {@code SHA-256(0x01 || left || right)}; the distinct prefixes stop a leaf from being
 * passed off as an interior node (second-preimage attacks). The root of the empty tree is
 * {@code SHA-256("")}.
 *
 * <p>One {@link MessageDigest} per thread: creating one costs as much as hashing a small node.
 */
public final class TreeHasher {

    /** MTH({}) = SHA-256 of the empty string. */
    public static final NodeHash EMPTY_ROOT = NodeHash.wrap(digest().digest());

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(TreeHasher::digest);

    private TreeHasher() {
    }

    /** The leaf hash of an entry: {@code SHA-256(0x00 || leaf)}. */
    public static NodeHash leafHash(byte[] leaf) {
        return leafHash(leaf, 0, leaf.length);
    }

    /** The leaf hash of {@code length} bytes of {@code buffer} from {@code offset}, without copying them. */
    public static NodeHash leafHash(byte[] buffer, int offset, int length) {
        MessageDigest sha = SHA256.get();
        sha.update(LEAF_PREFIX);
        sha.update(buffer, offset, length);
        return NodeHash.wrap(sha.digest());
    }

    /** The hash of an interior node: {@code SHA-256(0x01 || left || right)}. */
    public static NodeHash nodeHash(NodeHash left, NodeHash right) {
        MessageDigest sha = SHA256.get();
        sha.update(NODE_PREFIX);
        sha.update(left.bytes());
        sha.update(right.bytes());
        return NodeHash.wrap(sha.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
