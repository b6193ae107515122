package org.interlock.audit.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Proofs go over HTTP as JSON as they are: hashes as hex strings, records as objects. */
class ProofJsonTest {

    private final ObjectMapper json = new ObjectMapper();
    private final MerkleTree tree = new MerkleTree(ReferenceVectors.leafHashesOfFirst(8));

    @Test
    void inclusionProofIsPlainJsonAndReadsBack() throws Exception {
        InclusionProof proof = tree.inclusionProof(5, 8);
        String text = json.writeValueAsString(proof);
        assertEquals("{\"leafIndex\":5,\"treeSize\":8,\"path\":["
                + "\"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b\","
                + "\"ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0\","
                + "\"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7\"]}", text);
        assertEquals(proof, json.readValue(text, InclusionProof.class));
    }

    @Test
    void consistencyProofReadsBack() throws Exception {
        ConsistencyProof proof = tree.consistencyProof(3, 7);
        assertEquals(proof, json.readValue(json.writeValueAsString(proof), ConsistencyProof.class));
    }
}
