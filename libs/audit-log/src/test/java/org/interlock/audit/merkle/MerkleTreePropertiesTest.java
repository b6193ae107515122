package org.interlock.audit.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Rules that hold for every tree, checked on random trees of up to a few thousand leaves. */
class MerkleTreePropertiesTest {

    @Property(tries = 30)
    void everyInclusionProofVerifies(@ForAll @IntRange(min = 1, max = 3000) int size,
                                     @ForAll @IntRange(min = 1, max = 8) int cacheLevel,
                                     @ForAll long seed) {
        List<NodeHash> leaves = leaves(size, seed);
        MerkleTree tree = tree(leaves, cacheLevel);
        NodeHash root = tree.rootHash(size);
        for (int i = 0; i < size; i++) {
            assertTrue(tree.inclusionProof(i, size).verify(leaves.get(i), root), "leaf " + i);
        }
    }

    @Property(tries = 30)
    void everyConsistencyProofVerifies(@ForAll @IntRange(min = 1, max = 3000) int size,
                                       @ForAll @IntRange(min = 1, max = 8) int cacheLevel,
                                       @ForAll long seed) {
        MerkleTree tree = tree(leaves(size, seed), cacheLevel);
        NodeHash root = tree.rootHash(size);
        for (int from = 0; from <= size; from++) {
            assertTrue(tree.consistencyProof(from, size).verify(tree.rootHash(from), root), "from " + from);
        }
    }

    @Property(tries = 100)
    void proofsAndRootsEqualTheLiteralRfcDefinitions(@ForAll @IntRange(min = 1, max = 300) int size,
                                                     @ForAll @IntRange(min = 0, max = 299) int index,
                                                     @ForAll @IntRange(min = 0, max = 300) int from,
                                                     @ForAll long seed) {
        int leaf = index % size;
        int oldSize = from % (size + 1);
        List<NodeHash> leaves = leaves(size, seed);
        MerkleTree tree = tree(leaves, 2);
        assertEquals(RfcReferenceTree.mth(leaves), tree.rootHash(size));
        assertEquals(RfcReferenceTree.path(leaf, leaves), tree.inclusionProof(leaf, size).path());
        assertEquals(RfcReferenceTree.proof(oldSize, leaves), tree.consistencyProof(oldSize, size).path());
    }

    @Property(tries = 200)
    void alteringAnyOneLeafBreaksRootInclusionAndConsistency(@ForAll @IntRange(min = 1, max = 2000) int size,
                                                            @ForAll @IntRange(min = 0, max = 1999) int at,
                                                            @ForAll @IntRange(min = 0, max = 1999) int index,
                                                            @ForAll @IntRange(min = 1, max = 2000) int from,
                                                            @ForAll long seed) {
        int altered = at % size;
        int leaf = index % size;
        int oldSize = 1 + (from - 1) % size;
        List<NodeHash> original = leaves(size, seed);
        List<NodeHash> tampered = new ArrayList<>(original);
        tampered.set(altered, ProofTamperingTest.flipBit(original.get(altered), seed == 0 ? 1 : (int) (seed & 0xff)));
        MerkleTree honest = tree(original, 3);
        MerkleTree forged = tree(tampered, 3);

        assertNotEquals(honest.rootHash(size), forged.rootHash(size));
        assertFalse(forged.inclusionProof(leaf, size).verify(tampered.get(leaf), honest.rootHash(size)));
        boolean alteredBeforeOldHead = altered < oldSize;
        assertEquals(!alteredBeforeOldHead,
                forged.consistencyProof(oldSize, size).verify(honest.rootHash(oldSize), forged.rootHash(size)),
                "an alteration after the old head leaves the old head consistent, one before it does not");
    }

    @Property(tries = 50)
    void compactRangeRootEqualsTreeRootAtEverySize(@ForAll @IntRange(min = 0, max = 1500) int size,
                                                   @ForAll long seed) {
        List<NodeHash> leaves = leaves(size, seed);
        SubtreeCache cache = new SubtreeCache(2);
        CompactRange range = new CompactRange(cache);
        MerkleTree tree = tree(leaves, 4);
        for (int n = 0; n < size; n++) {
            assertEquals(tree.rootHash(n), range.rootHash());
            range.append(leaves.get(n));
        }
        assertEquals(tree.rootHash(size), range.rootHash());
        assertEquals(range.rootHash(), tree.compactRange(size).rootHash());
        assertEquals(tree.rootHash(size), new MerkleTree(store(leaves), cache).rootHash(size),
                "the cache the compact range filled gives the same root");
    }

    static List<NodeHash> leaves(int size, long seed) {
        List<NodeHash> leaves = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            leaves.add(TreeHasher.leafHash(ByteBuffer.allocate(16).putLong(seed).putLong(i).array()));
        }
        return leaves;
    }

    private static MerkleTree tree(List<NodeHash> leaves, int cacheLevel) {
        return new MerkleTree(store(leaves), new SubtreeCache(cacheLevel));
    }

    private static InMemoryLeafHashes store(List<NodeHash> leaves) {
        InMemoryLeafHashes store = new InMemoryLeafHashes();
        leaves.forEach(store::append);
        return store;
    }
}
