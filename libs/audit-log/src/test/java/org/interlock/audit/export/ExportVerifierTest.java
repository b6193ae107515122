package org.interlock.audit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import org.interlock.audit.export.ExportVerdict.Tampered;
import org.interlock.audit.export.ExportVerdict.Verified;
import org.interlock.audit.export.Finding.Altered;
import org.interlock.audit.export.Finding.Diverged;
import org.interlock.audit.export.Finding.HeadRejected;
import org.interlock.audit.export.Finding.Inserted;
import org.interlock.audit.export.Finding.Malformed;
import org.interlock.audit.export.Finding.Missing;
import org.interlock.audit.export.Finding.OutOfOrder;
import org.interlock.audit.head.Ed25519Keys;
import org.interlock.audit.head.HeadCheck;
import org.interlock.audit.head.SignedTreeHead;
import org.interlock.audit.head.TreeHead;
import org.interlock.audit.head.TreeHeadSigner;
import org.interlock.audit.merkle.NodeHash;
import org.junit.jupiter.api.Test;

class ExportVerifierTest {

    private final TestLog log = new TestLog(50);
    private final ExportVerifier verifier = new ExportVerifier(log.signer.verifier());

    @Test
    void aCleanExportVerifies() throws IOException {
        assertEquals(new Verified(0, 50, log.head(), 1), verify(log.exportLines(0)));
    }

    @Test
    void anEmptyLogVerifiesWithAnEmptyExport() throws IOException {
        TestLog empty = new TestLog(0);
        ExportVerdict verdict = new ExportVerifier(empty.signer.verifier())
                .verify(new ByteArrayInputStream(new byte[0]), empty.head());
        assertEquals(new Verified(0, 0, empty.head(), 1), verdict);
    }

    @Test
    void anEditedRecordIsNamedAsAltered() throws IOException {
        List<String> lines = log.exportLines(0);
        lines.set(17, lines.get(17).replace("\"purpose\":\"risk-management\"", "\"purpose\":\"curiosity\""));
        assertEquals(new Tampered(new Altered(17, 18)), verify(lines));
    }

    @Test
    void aDeletedRecordIsNamedAsMissing() throws IOException {
        List<String> lines = log.exportLines(0);
        lines.remove(7);
        assertEquals(new Tampered(new Missing(7, 8, "line 8 holds #8 and #7 is nowhere in the export")),
                verify(lines));
    }

    @Test
    void swappedRecordsAreNamedAsOutOfOrder() throws IOException {
        List<String> lines = log.exportLines(0);
        Collections.swap(lines, 3, 4);
        assertEquals(new Tampered(new OutOfOrder(3, 4, 5, 4)), verify(lines));
    }

    @Test
    void aRepeatedRecordIsNamedAsInserted() throws IOException {
        List<String> lines = log.exportLines(0);
        lines.add(3, lines.get(2));
        assertEquals(new Tampered(new Inserted(2, 4, "#2 came earlier in the export")), verify(lines));
    }

    @Test
    void aRecordBeyondTheSignedTreeIsNamedAsInserted() throws IOException {
        List<String> lines = log.exportLines(0);
        lines.add(TestLog.forgedLine(TestLog.record(50, "fabricated")));
        assertEquals(new Tampered(new Inserted(50, 51, "the signed tree head covers sequences 0 to 49")),
                verify(lines));
    }

    @Test
    void aCutExportIsNamedByItsFirstMissingRecord() throws IOException {
        List<String> lines = log.exportLines(0);
        lines.subList(45, 50).clear();
        assertEquals(new Tampered(new Missing(45, 46, "the export ends after #44, the tree head covers 50 records")),
                verify(lines));
    }

    @Test
    void aRecordReplacedWithItsLeafHashFailsAgainstTheSignedRoot() throws IOException {
        List<String> lines = log.exportLines(0);
        lines.set(25, TestLog.forgedLine(TestLog.record(25, "curiosity")));
        assertEquals(new Tampered(new Diverged(0, 50, "the signed tree head (size 50)")), verify(lines));
    }

    @Test
    void signedCheckpointsNarrowDownAConsistentForgery() throws IOException {
        List<String> lines = log.exportLines(0);
        lines.set(25, TestLog.forgedLine(TestLog.record(25, "curiosity")));
        List<SignedTreeHead> checkpoints = LongStream.of(10, 20, 30, 40).mapToObj(log::headAt).toList();
        ExportVerdict verdict = verifier.verify(new ByteArrayInputStream(TestLog.join(lines)), log.head(), checkpoints);
        assertEquals(new Tampered(new Diverged(20, 30, "the signed checkpoint of size 30")), verdict);
    }

    @Test
    void cleanExportAlsoMatchesEveryCheckpoint() throws IOException {
        List<SignedTreeHead> checkpoints = LongStream.of(40, 0, 10, 50).mapToObj(log::headAt).toList();
        ExportVerdict verdict = verifier.verify(new ByteArrayInputStream(TestLog.join(log.exportLines(0))),
                log.head(), checkpoints);
        assertEquals(new Verified(0, 50, log.head(), 5), verdict);
    }

    @Test
    void aTreeHeadSignedWithAnotherKeyIsRejected() throws IOException {
        TreeHeadSigner stranger = TreeHeadSigner.of(Ed25519Keys.generate().getPrivate());
        SignedTreeHead foreign = stranger.sign(50, log.tree.rootHash(50), TestLog.T0);
        ExportVerdict verdict = verifier.verify(new ByteArrayInputStream(TestLog.join(log.exportLines(0))), foreign);
        assertEquals(new Tampered(new HeadRejected("the tree head", new HeadCheck.UnknownKey(stranger.keyId()))),
                verdict);
    }

    @Test
    void aTreeHeadWhoseRootWasChangedIsRejected() throws IOException {
        SignedTreeHead genuine = log.head();
        TreeHead head = genuine.head();
        SignedTreeHead altered = new SignedTreeHead(new TreeHead(head.treeSize(), log.tree.rootHash(49),
                head.timestamp(), head.keyId()), genuine.signature());
        ExportVerdict verdict = verifier.verify(new ByteArrayInputStream(TestLog.join(log.exportLines(0))), altered);
        assertEquals(new Tampered(new HeadRejected("the tree head", new HeadCheck.BadSignature(head.keyId()))),
                verdict);
    }

    @Test
    void aReformattedLineIsMalformed() throws IOException {
        List<String> lines = log.exportLines(0);
        lines.set(4, lines.get(4).replace("\",\"record\":", "\", \"record\": "));
        Tampered verdict = assertInstanceOf(Tampered.class, verify(lines));
        assertEquals(5, assertInstanceOf(Malformed.class, verdict.finding()).line());
    }

    @Test
    void aRangeExportVerifiesFromItsFrontier() throws IOException {
        List<String> lines = log.exportLines(37);
        assertTrue(lines.getFirst().startsWith("{\"frontier\":[\""));
        assertEquals(new Verified(37, 13, log.head(), 1), verify(lines));
    }

    @Test
    void aRangeExportWithAForgedFrontierDiverges() throws IOException {
        List<String> lines = log.exportLines(37);
        String forged = log.tree.compactRange(37).frontier().getFirst().toHex();
        lines.set(0, lines.getFirst().replace(forged, NodeHash.of(new byte[32]).toHex()));
        assertEquals(new Tampered(new Diverged(37, 50, "the signed tree head (size 50)")), verify(lines));
    }

    @Test
    void aRangeExportStillNamesAnEditedRecord() throws IOException {
        List<String> lines = log.exportLines(37);
        lines.set(3, lines.get(3).replace("\"requestId\":\"req-39\"", "\"requestId\":\"req-x\""));
        assertEquals(new Tampered(new Altered(39, 4)), verify(lines));
    }

    @Test
    void aCutLastLineIsMalformed() throws IOException {
        byte[] export = TestLog.join(log.exportLines(0));
        byte[] cut = Arrays.copyOf(export, export.length - 1);
        Tampered verdict = assertInstanceOf(Tampered.class, verifier.verify(new ByteArrayInputStream(cut), log.head()));
        assertEquals(50, assertInstanceOf(Malformed.class, verdict.finding()).line());
    }

    @Test
    void aLargeExportIsCheckedAcrossReadBatchesAndHashingThreads() throws IOException {
        TestLog large = new TestLog(12_000);
        List<String> lines = large.exportLines(0);
        ExportVerifier largeVerifier = new ExportVerifier(large.signer.verifier());
        assertEquals(new Verified(0, 12_000, large.head(), 1),
                largeVerifier.verify(new ByteArrayInputStream(TestLog.join(lines)), large.head()));

        lines.set(9_876, lines.get(9_876).replace("\"req-9876\"", "\"req-0000\""));
        assertEquals(new Tampered(new Altered(9_876, 9_877)),
                largeVerifier.verify(new ByteArrayInputStream(TestLog.join(lines)), large.head()));
    }

    @Test
    void sequencesAreReadFromTheRecordTopLevelOnly() {
        byte[] tricky = ("{\"a\":{\"sequence\":7},\"b\":\"\\\",\\\"sequence\\\":8\",\"sequence\":9,\"time\":\"x\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(9, RecordSequence.read(tricky, 0, tricky.length));
        byte[] none = "{\"sequence\":01}".getBytes(StandardCharsets.UTF_8);
        assertEquals(-1, RecordSequence.read(none, 0, none.length));
    }

    private ExportVerdict verify(List<String> lines) throws IOException {
        return verifier.verify(new ByteArrayInputStream(TestLog.join(new ArrayList<>(lines))), log.head());
    }
}
