package org.interlock.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import org.interlock.audit.export.ExportVerdict;
import org.interlock.audit.export.ExportVerifier;
import org.interlock.audit.export.ExportWriter;
import org.interlock.audit.head.Ed25519Keys;
import org.interlock.audit.head.SignedTreeHead;
import org.interlock.audit.head.TreeHeadSigner;
import org.interlock.audit.merkle.CompactRange;
import org.interlock.audit.merkle.InMemoryLeafHashes;
import org.interlock.audit.merkle.MerkleTree;
import org.interlock.audit.merkle.SubtreeCache;
import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.CanonicalEncoding;
import org.interlock.audit.record.Decision;
import org.junit.jupiter.api.Test;

/** The sequencer's contract with the store it will be wired to, played out in memory. */
class SequencerTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private final TreeHeadSigner signer = TreeHeadSigner.of(Ed25519Keys.generate().getPrivate());

    @Test
    void recordsAreNumberedInArrivalOrderAndSealedHeadsProveThem() throws IOException {
        SubtreeCache cache = new SubtreeCache(1);
        Sequencer sequencer = new Sequencer(new CompactRange(cache), signer);
        InMemoryLeafHashes store = new InMemoryLeafHashes();
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        try (ExportWriter writer = new ExportWriter(export)) {
            for (int i = 0; i < 10; i++) {
                Sequencer.SequencedRecord sequenced = sequencer.append(unsequenced("req-" + i));
                assertEquals(i, sequenced.sequence());
                assertArrayEquals(CanonicalEncoding.encode(sequenced.record()), sequenced.leaf());
                store.append(sequenced.leafHash());
                writer.append(sequenced.leaf(), sequenced.leafHash());
            }
        }
        SignedTreeHead head = sequencer.seal(NOW);
        MerkleTree tree = new MerkleTree(store, cache);

        assertEquals(tree.rootHash(10), head.head().rootHash());
        assertTrue(tree.inclusionProof(4, 10).verify(store.leafHash(4), head.head().rootHash()));
        ExportVerdict verdict = new ExportVerifier(signer.verifier())
                .verify(new ByteArrayInputStream(export.toByteArray()), head);
        assertEquals(new ExportVerdict.Verified(0, 10, head, 1), verdict);
    }

    @Test
    void aResumedSequencerContinuesTheSameTree() {
        Sequencer first = new Sequencer(new CompactRange(), signer);
        InMemoryLeafHashes store = new InMemoryLeafHashes();
        for (int i = 0; i < 13; i++) {
            store.append(first.append(unsequenced("a-" + i)).leafHash());
        }
        SignedTreeHead before = first.seal(NOW);
        Sequencer restarted = Sequencer.resume(new MerkleTree(store).compactRange(store.size()), signer);
        Sequencer fromSnapshot = Sequencer.resume(first.snapshot(), signer);
        for (int i = 13; i < 20; i++) {
            AuditRecord next = unsequenced("b-" + i);
            store.append(restarted.append(next).leafHash());
            fromSnapshot.append(next);
            first.append(next);
        }
        SignedTreeHead after = restarted.seal(NOW.plusSeconds(1));
        assertEquals(first.seal(NOW.plusSeconds(1)), after);
        assertEquals(fromSnapshot.seal(NOW.plusSeconds(1)), after);
        assertTrue(new MerkleTree(store).consistencyProof(13, 20)
                .verify(before.head().rootHash(), after.head().rootHash()));
    }

    @Test
    void aRecordIsSequencedOnlyOnce() {
        Sequencer sequencer = new Sequencer(new CompactRange(), signer);
        AuditRecord numbered = sequencer.append(unsequenced("r")).record();
        assertThrows(IllegalArgumentException.class, () -> sequencer.append(numbered));
    }

    private static AuditRecord unsequenced(String requestId) {
        return AuditRecord.builder(NOW, Actor.person("u", "prisons", "cli"), Action.PUSH_FEED, Decision.permit("agreement"))
                .requestId(requestId)
                .build();
    }
}
