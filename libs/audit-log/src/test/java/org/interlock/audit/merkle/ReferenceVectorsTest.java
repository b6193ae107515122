package org.interlock.audit.merkle;

import static org.interlock.audit.merkle.ReferenceVectors.CONSISTENCY_PROOFS;
import static org.interlock.audit.merkle.ReferenceVectors.INCLUSION_PROOFS;
import static org.interlock.audit.merkle.ReferenceVectors.LEAF_INPUTS;
import static org.interlock.audit.merkle.ReferenceVectors.NODE_HASHES;
import static org.interlock.audit.merkle.ReferenceVectors.ROOTS;
import static org.interlock.audit.merkle.ReferenceVectors.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The tree against the published transparency-dev/merkle vectors (see {@link ReferenceVectors}). */
class ReferenceVectorsTest {

    private final MerkleTree tree = new MerkleTree(ReferenceVectors.leafHashesOfFirst(8), new SubtreeCache(1));

    @Test
    void emptyTreeRootIsSha256OfNothing() {
        assertEquals(ROOTS.get(0), TreeHasher.EMPTY_ROOT);
        assertEquals(ROOTS.get(0), tree.rootHash(0));
    }

    @Test
    void leafHashesAreThePublishedLevelZeroNodes() {
        for (int i = 0; i < 8; i++) {
            assertEquals(node(0, i), TreeHasher.leafHash(LEAF_INPUTS.get(i)), "leaf " + i);
        }
    }

    @TestFactory
    Stream<DynamicTest> rootsOfSizesOneToEightAreThePublishedRoots() {
        return Stream.iterate(1, size -> size <= 8, size -> size + 1).map(size -> dynamicTest("size " + size, () -> {
            assertEquals(ROOTS.get(size), tree.rootHash(size));
            CompactRange range = new CompactRange();
            LEAF_INPUTS.subList(0, size).forEach(input -> range.append(TreeHasher.leafHash(input)));
            assertEquals(ROOTS.get(size), range.rootHash());
        }));
    }

    @Test
    void everyCompleteSubtreeIsThePublishedNodeHash() {
        for (int level = 0; level < NODE_HASHES.size(); level++) {
            for (int index = 0; index < NODE_HASHES.get(level).size(); index++) {
                assertEquals(node(level, index), tree.subtreeHash(level, index), "node " + level + "/" + index);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> publishedInclusionProofsAreGeneratedExactlyAndVerify() {
        return INCLUSION_PROOFS.stream().map(v -> dynamicTest(v.leafIndex() + " in " + v.treeSize(), () -> {
            InclusionProof proof = tree.inclusionProof(v.leafIndex(), v.treeSize());
            assertEquals(v.path(), proof.path());
            assertTrue(proof.verify(node(0, (int) v.leafIndex()), ROOTS.get((int) v.treeSize())));
        }));
    }

    @TestFactory
    Stream<DynamicTest> publishedConsistencyProofsAreGeneratedExactlyAndVerify() {
        return CONSISTENCY_PROOFS.stream().map(v -> dynamicTest(v.fromSize() + " to " + v.toSize(), () -> {
            ConsistencyProof proof = tree.consistencyProof(v.fromSize(), v.toSize());
            assertEquals(v.path(), proof.path());
            assertTrue(proof.verify(ROOTS.get((int) v.fromSize()), ROOTS.get((int) v.toSize())));
        }));
    }

    /**
     * The proof shapes of transparency-dev/merkle proof/proof_test.go (TestInclusion, sizes up to 8),
     * filled in with the published node hashes; "rehash" entries there are the hash of two of them.
     */
    @TestFactory
    Stream<DynamicTest> inclusionProofsHaveThePublishedShapes() {
        NodeHash l = TreeHasher.nodeHash(node(1, 2), node(0, 6)); // l = hash(i, j) of the size-7 tree
        List<Object[]> cases = List.of(
                new Object[] {2, 0, List.of(node(0, 1))},
                new Object[] {2, 1, List.of(node(0, 0))},
                new Object[] {3, 1, List.of(node(0, 0), node(0, 2))},
                new Object[] {7, 0, List.of(node(0, 1), node(1, 1), l)},
                new Object[] {7, 1, List.of(node(0, 0), node(1, 1), l)},
                new Object[] {7, 2, List.of(node(0, 3), node(1, 0), l)},
                new Object[] {7, 3, List.of(node(0, 2), node(1, 0), l)},
                new Object[] {7, 4, List.of(node(0, 5), node(0, 6), node(2, 0))},
                new Object[] {7, 5, List.of(node(0, 4), node(0, 6), node(2, 0))},
                new Object[] {7, 6, List.of(node(1, 2), node(2, 0))},
                new Object[] {4, 2, List.of(node(0, 3), node(1, 0))},
                new Object[] {5, 3, List.of(node(0, 2), node(1, 0), node(0, 4))},
                new Object[] {6, 3, List.of(node(0, 2), node(1, 0), node(1, 2))},
                new Object[] {6, 4, List.of(node(0, 5), node(2, 0))});
        return cases.stream().map(c -> dynamicTest(c[1] + " in " + c[0],
                () -> assertEquals(c[2], tree.inclusionProof((int) c[1], (int) c[0]).path())));
    }

    /** transparency-dev/merkle proof/proof_test.go TestConsistency, sizes up to 8. */
    @TestFactory
    Stream<DynamicTest> consistencyProofsHaveThePublishedShapes() {
        NodeHash l = TreeHasher.nodeHash(node(1, 2), node(0, 6));
        List<Object[]> cases = List.of(
                new Object[] {1, 2, List.of(node(0, 1))},
                new Object[] {1, 4, List.of(node(0, 1), node(1, 1))},
                new Object[] {1, 6, List.of(node(0, 1), node(1, 1), node(1, 2))},
                new Object[] {2, 3, List.of(node(0, 2))},
                new Object[] {2, 8, List.of(node(1, 1), node(2, 1))},
                new Object[] {3, 7, List.of(node(0, 2), node(0, 3), node(1, 0), l)},
                new Object[] {4, 7, List.of(l)},
                new Object[] {5, 7, List.of(node(0, 4), node(0, 5), node(0, 6), node(2, 0))},
                new Object[] {6, 7, List.of(node(1, 2), node(0, 6), node(2, 0))},
                new Object[] {7, 8, List.of(node(0, 6), node(0, 7), node(1, 2), node(2, 0))},
                new Object[] {2, 4, List.of(node(1, 1))},
                new Object[] {3, 5, List.of(node(0, 2), node(0, 3), node(1, 0), node(0, 4))},
                new Object[] {3, 6, List.of(node(0, 2), node(0, 3), node(1, 0), node(1, 2))},
                new Object[] {4, 6, List.of(node(1, 2))},
                new Object[] {1, 7, List.of(node(0, 1), node(1, 1), l)});
        return cases.stream().map(c -> dynamicTest(c[0] + " to " + c[1],
                () -> assertEquals(c[2], tree.consistencyProof((int) c[0], (int) c[1]).path())));
    }

    @Test
    void everyInclusionProofOfSizesOneToEightVerifiesAgainstThePublishedRoot() {
        List<String> failures = new ArrayList<>();
        for (int size = 1; size <= 8; size++) {
            for (int index = 0; index < size; index++) {
                if (!tree.inclusionProof(index, size).verify(node(0, index), ROOTS.get(size))) {
                    failures.add(index + " in " + size);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void everyConsistencyProofBetweenSizesZeroToEightVerifiesAgainstThePublishedRoots() {
        List<String> failures = new ArrayList<>();
        for (int to = 0; to <= 8; to++) {
            for (int from = 0; from <= to; from++) {
                if (!tree.consistencyProof(from, to).verify(ROOTS.get(from), ROOTS.get(to))) {
                    failures.add(from + " to " + to);
                }
            }
        }
        assertEquals(List.of(), failures);
    }
}
