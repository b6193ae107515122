package org.interlock.audit.merkle;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Published RFC 6962 / RFC 9162 test vectors, transcribed from the transparency-dev/merkle repository
 * (the successor of google/trillian's merkle package and of the certificate-transparency C++ suite):
 * <ul>
 *   <li>{@code testonly/constants.go}: {@code LeafInputs()}, {@code NodeHashes()} (every complete
 *       subtree of the 8-leaf tree) and {@code RootHashes()} (every size from 0 to 8);</li>
 *   <li>{@code proof/verify_test.go}: {@code inclusionProofs} (1-based leaf numbers there, 0-based
 *       here), {@code consistencyProofs} and the constant {@code sha256SomeHash};</li>
 *   <li>{@code testonly/reference_test.go}: {@code TestRefInclusionProof} and
 *       {@code TestRefConsistencyProof}.</li>
 * </ul>
 */
final class ReferenceVectors {

    private static final HexFormat HEX = HexFormat.of();

    private ReferenceVectors() {
    }

    /** testonly/constants.go LeafInputs(). */
    static final List<byte[]> LEAF_INPUTS = List.of(
            bytes(""),
            bytes("00"),
            bytes("10"),
            bytes("2021"),
            bytes("3031"),
            bytes("40414243"),
            bytes("5051525354555657"),
            bytes("606162636465666768696a6b6c6d6e6f"));

    /** testonly/constants.go NodeHashes(): [level][index] for every complete subtree of the 8 leaves. */
    static final List<List<NodeHash>> NODE_HASHES = List.of(
            hashes("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
                    "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"),
            hashes("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
            hashes("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            hashes("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));

    /** testonly/constants.go RootHashes(): index = tree size, 0 to 8. */
    static final List<NodeHash> ROOTS = hashes(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** proof/verify_test.go sha256SomeHash: a well-formed hash that is in no tree here. */
    static final NodeHash SOME_HASH =
            NodeHash.fromHex("abacaba000000000000000000000000000000000000000000060061e00123456");

    record InclusionVector(long leafIndex, long treeSize, List<NodeHash> path) {
    }

    record ConsistencyVector(long fromSize, long toSize, List<NodeHash> path) {
    }

    /** proof/verify_test.go inclusionProofs (leaf numbers made 0-based) and reference_test.go TestRefInclusionProof. */
    static final List<InclusionVector> INCLUSION_PROOFS = List.of(
            new InclusionVector(0, 1, List.of()),
            new InclusionVector(0, 2, hashes("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7")),
            new InclusionVector(1, 2, hashes("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")),
            new InclusionVector(2, 3, hashes("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
            new InclusionVector(1, 5, hashes(
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new InclusionVector(0, 8, hashes(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new InclusionVector(5, 8, hashes(
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));

    /** proof/verify_test.go consistencyProofs and reference_test.go TestRefConsistencyProof. */
    static final List<ConsistencyVector> CONSISTENCY_PROOFS = List.of(
            new ConsistencyVector(1, 1, List.of()),
            new ConsistencyVector(1, 8, hashes(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new ConsistencyVector(6, 8, hashes(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new ConsistencyVector(2, 5, hashes(
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new ConsistencyVector(6, 7, hashes(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));

    /** NODE_HASHES[level][index]. */
    static NodeHash node(int level, int index) {
        return NODE_HASHES.get(level).get(index);
    }

    static InMemoryLeafHashes leafHashesOfFirst(int count) {
        InMemoryLeafHashes leaves = new InMemoryLeafHashes();
        for (byte[] input : LEAF_INPUTS.subList(0, count)) {
            leaves.append(TreeHasher.leafHash(input));
        }
        return leaves;
    }

    private static byte[] bytes(String hex) {
        return HEX.parseHex(hex);
    }

    private static List<NodeHash> hashes(String... hex) {
        return Arrays.stream(hex).map(NodeHash::fromHex).toList();
    }
}
