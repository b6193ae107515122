package org.interlock.audit.merkle;

import static org.interlock.audit.merkle.ReferenceVectors.ROOTS;
import static org.interlock.audit.merkle.ReferenceVectors.SOME_HASH;
import static org.interlock.audit.merkle.ReferenceVectors.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every way of bending a valid proof must fail verification. The probes are those of
 * transparency-dev/merkle proof/verify_test.go ({@code corruptInclusionProof},
 * {@code corruptConsistencyProof}), applied to every proof of the 8-leaf reference tree; probes with
 * hashes of the wrong length cannot be expressed here because {@link NodeHash} refuses them.
 */
class ProofTamperingTest {

    private final MerkleTree tree = new MerkleTree(ReferenceVectors.leafHashesOfFirst(8));

    @Test
    void noCorruptedInclusionProofVerifies() {
        List<String> accepted = new ArrayList<>();
        for (int size = 1; size <= 8; size++) {
            for (int index = 0; index < size; index++) {
                InclusionProof good = tree.inclusionProof(index, size);
                corruptions(good, node(0, index), ROOTS.get(size)).forEach((what, verifies) -> {
                    if (verifies) {
                        accepted.add(what);
                    }
                });
            }
        }
        assertEquals(List.of(), accepted);
    }

    @Test
    void noCorruptedConsistencyProofVerifies() {
        List<String> accepted = new ArrayList<>();
        for (int to = 2; to <= 8; to++) {
            for (int from = 1; from < to; from++) {
                ConsistencyProof good = tree.consistencyProof(from, to);
                corruptions(good, ROOTS.get(from), ROOTS.get(to)).forEach((what, verifies) -> {
                    if (verifies) {
                        accepted.add(what);
                    }
                });
            }
        }
        assertEquals(List.of(), accepted);
    }

    @Test
    void aFlippedBitInTheLeafFailsInclusion() {
        InclusionProof proof = tree.inclusionProof(5, 8);
        assertFalse(proof.verify(flipBit(node(0, 5), 0), ROOTS.get(8)));
        assertFalse(proof.verify(flipBit(node(0, 5), 255), ROOTS.get(8)));
    }

    @Test
    void aReorderedOrDroppedLeafChangesTheRoot() {
        InMemoryLeafHashes reordered = new InMemoryLeafHashes();
        InMemoryLeafHashes dropped = new InMemoryLeafHashes();
        for (int i : new int[] {0, 1, 2, 4, 3, 5, 6, 7}) {
            reordered.append(node(0, i));
        }
        for (int i : new int[] {0, 1, 2, 4, 5, 6, 7}) {
            dropped.append(node(0, i));
        }
        assertFalse(new MerkleTree(reordered).rootHash(8).equals(ROOTS.get(8)));
        assertFalse(new MerkleTree(dropped).rootHash(7).equals(ROOTS.get(7)));
        assertFalse(tree.inclusionProof(3, 8).verify(node(0, 4), ROOTS.get(8)), "leaf 4 claimed at index 3");
    }

    @Test
    void emptyTreeIsOnlyConsistentWithAnEmptyProofFromTheEmptyRoot() {
        assertFalse(new ConsistencyProof(0, 3, List.of()).verify(SOME_HASH, ROOTS.get(3)));
        assertFalse(new ConsistencyProof(0, 3, List.of(ROOTS.get(3))).verify(ROOTS.get(0), ROOTS.get(3)));
        assertFalse(new ConsistencyProof(3, 2, List.of()).verify(ROOTS.get(3), ROOTS.get(2)));
        assertFalse(new ConsistencyProof(3, 3, List.of(ROOTS.get(3))).verify(ROOTS.get(3), ROOTS.get(3)));
        assertFalse(new ConsistencyProof(3, 3, List.of()).verify(ROOTS.get(3), ROOTS.get(4)));
    }

    @Test
    void hashesOfTheWrongLengthAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> NodeHash.of(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> NodeHash.of("WrongLeaf".getBytes()));
        assertThrows(IllegalArgumentException.class, () -> NodeHash.fromHex("abcd"));
    }

    @Test
    void proofsOutsideTheStoredTreeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> tree.inclusionProof(8, 8));
        assertThrows(IllegalArgumentException.class, () -> tree.inclusionProof(0, 9));
        assertThrows(IllegalArgumentException.class, () -> tree.consistencyProof(5, 4));
        assertThrows(IllegalArgumentException.class, () -> tree.rootHash(9));
    }

    private static Map<String, Boolean> corruptions(InclusionProof proof, NodeHash leaf, NodeHash root) {
        long i = proof.leafIndex();
        long n = proof.treeSize();
        List<NodeHash> path = proof.path();
        String at = i + " in " + n + ": ";
        Map<String, Boolean> probes = new LinkedHashMap<>();
        List<long[]> positions = List.of(new long[] {i - 1, n}, new long[] {i + 1, n}, new long[] {i ^ 2, n},
                new long[] {i, n * 2}, new long[] {i, n / 2});
        for (long[] p : positions) {
            if (p[0] >= 0 && p[1] >= 0) {
                probes.put(at + "index " + p[0] + " size " + p[1],
                        new InclusionProof(p[0], p[1], path).verify(leaf, root));
            }
        }
        probes.put(at + "wrong leaf", proof.verify(SOME_HASH, root));
        probes.put(at + "empty root", proof.verify(leaf, TreeHasher.EMPTY_ROOT));
        probes.put(at + "random root", proof.verify(leaf, SOME_HASH));
        probes.put(at + "trailing root", with(proof, append(path, root)).verify(leaf, root));
        probes.put(at + "preceding root", with(proof, prepend(root, path)).verify(leaf, root));
        for (int k = 0; k < path.size(); k++) {
            probes.put(at + "proof[" + k + "] bit 3 flipped", with(proof, flipped(path, k, 3)).verify(leaf, root));
        }
        if (!path.isEmpty()) {
            probes.put(at + "removed component", with(proof, path.subList(0, path.size() - 1)).verify(leaf, root));
        }
        if (path.size() > 1) {
            List<NodeHash> inserted = new ArrayList<>(List.of(path.getFirst(), SOME_HASH));
            inserted.addAll(path.subList(1, path.size()));
            probes.put(at + "inserted component", with(proof, inserted).verify(leaf, root));
        }
        return probes;
    }

    private static Map<String, Boolean> corruptions(ConsistencyProof proof, NodeHash root1, NodeHash root2) {
        long m = proof.fromSize();
        long n = proof.toSize();
        List<NodeHash> path = proof.path();
        String at = m + " to " + n + ": ";
        Map<String, Boolean> probes = new LinkedHashMap<>();
        List<long[]> sizes = List.of(new long[] {m - 1, n}, new long[] {m + 1, n}, new long[] {m ^ 2, n},
                new long[] {m, n * 2}, new long[] {m, n / 2});
        for (long[] s : sizes) {
            probes.put(at + "sizes " + s[0] + ", " + s[1], new ConsistencyProof(s[0], s[1], path).verify(root1, root2));
        }
        probes.put(at + "wrong root1", proof.verify(SOME_HASH, root2));
        probes.put(at + "wrong root2", proof.verify(root1, SOME_HASH));
        probes.put(at + "swapped roots", proof.verify(root2, root1));
        probes.put(at + "empty proof", with(proof, List.of()).verify(root1, root2));
        probes.put(at + "trailing root1", with(proof, append(path, root1)).verify(root1, root2));
        probes.put(at + "trailing root2", with(proof, append(path, root2)).verify(root1, root2));
        probes.put(at + "preceding root1", with(proof, prepend(root1, path)).verify(root1, root2));
        probes.put(at + "preceding root2", with(proof, prepend(root2, path)).verify(root1, root2));
        probes.put(at + "preceding proof[0]", with(proof, prepend(path.getFirst(), path)).verify(root1, root2));
        probes.put(at + "truncated", with(proof, path.subList(0, path.size() - 1)).verify(root1, root2));
        for (int k = 0; k < path.size(); k++) {
            probes.put(at + "proof[" + k + "] bit 4 flipped", with(proof, flipped(path, k, 4)).verify(root1, root2));
        }
        return probes;
    }

    private static InclusionProof with(InclusionProof proof, List<NodeHash> path) {
        return new InclusionProof(proof.leafIndex(), proof.treeSize(), path);
    }

    private static ConsistencyProof with(ConsistencyProof proof, List<NodeHash> path) {
        return new ConsistencyProof(proof.fromSize(), proof.toSize(), path);
    }

    private static List<NodeHash> append(List<NodeHash> path, NodeHash hash) {
        List<NodeHash> longer = new ArrayList<>(path);
        longer.add(hash);
        return longer;
    }

    private static List<NodeHash> prepend(NodeHash hash, List<NodeHash> path) {
        List<NodeHash> longer = new ArrayList<>(List.of(hash));
        longer.addAll(path);
        return longer;
    }

    private static List<NodeHash> flipped(List<NodeHash> path, int element, int bit) {
        List<NodeHash> copy = new ArrayList<>(path);
        copy.set(element, flipBit(path.get(element), bit));
        return copy;
    }

    static NodeHash flipBit(NodeHash hash, int bit) {
        byte[] bytes = hash.toByteArray();
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        return NodeHash.of(bytes);
    }
}
