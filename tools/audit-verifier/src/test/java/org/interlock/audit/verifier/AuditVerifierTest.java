package org.interlock.audit.verifier;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.interlock.audit.export.ExportWriter;
import org.interlock.audit.head.Ed25519Keys;
import org.interlock.audit.head.SignedTreeHead;
import org.interlock.audit.head.TreeHeadJson;
import org.interlock.audit.head.TreeHeadSigner;
import org.interlock.audit.merkle.CompactRange;
import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.CanonicalEncoding;
import org.interlock.audit.record.Decision;
import org.interlock.audit.record.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as an auditor runs it, on files, through its main logic. */
class AuditVerifierTest {

    private static final int RECORDS = 20;

    @TempDir
    Path dir;

    private final TreeHeadSigner signer = TreeHeadSigner.of(Ed25519Keys.generate().getPrivate());
    private final List<SignedTreeHead> heads = new ArrayList<>();
    private Path export;
    private Path treeHead;
    private Path publicKey;
    private List<String> lines;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeASignedExport() throws IOException {
        export = dir.resolve("export.ndjson");
        treeHead = dir.resolve("tree-head.json");
        publicKey = dir.resolve("audit-public.pem");
        CompactRange range = new CompactRange();
        try (ExportWriter writer = new ExportWriter(Files.newOutputStream(export))) {
            for (int i = 0; i < RECORDS; i++) {
                AuditRecord record = record(i, "risk-management");
                writer.append(record);
                range.append(CanonicalEncoding.leafHash(record));
                heads.add(signer.sign(range.size(), range.rootHash(), Instant.parse("2026-11-26T10:00:00Z").plusSeconds(i)));
            }
        }
        Files.write(treeHead, TreeHeadJson.encode(heads.getLast()));
        Files.writeString(publicKey, signer.publicKeyPem());
        lines = new ArrayList<>(Files.readAllLines(export));
    }

    @Test
    void aCleanExportVerifiesWithExitZero() {
        assertEquals(0, run("--export", export, "--tree-head", treeHead, "--public-key", publicKey));
        assertTrue(stdout().startsWith("VERIFIED: records #0 to #19 (20) are exactly the log's records as signed"),
                stdout());
        assertTrue(stdout().contains("key " + signer.keyId()), stdout());
    }

    /** Verdicts on break-glass reviews are leaves like the rest: a log holding one verifies, and altering it is caught. */
    @Test
    void aLogWithABreakGlassReviewVerdictVerifiesAndItsAlterationIsNamed() throws IOException {
        CompactRange range = new CompactRange();
        try (ExportWriter writer = new ExportWriter(Files.newOutputStream(export))) {
            for (int i = 0; i < RECORDS; i++) {
                AuditRecord record = i == 7 ? verdict(i, "7") : record(i, "risk-management");
                writer.append(record);
                range.append(CanonicalEncoding.leafHash(record));
            }
        }
        Files.write(treeHead, TreeHeadJson.encode(signer.sign(range.size(), range.rootHash(),
                Instant.parse("2026-11-29T10:00:00Z"))));
        assertEquals(0, run("--export", export, "--tree-head", treeHead, "--public-key", publicKey), stdout());

        lines = new ArrayList<>(Files.readAllLines(export));
        lines.set(7, lines.get(7).replace("\"unjustified\"", "\"justified\""));
        rewriteExport();
        out.reset();
        assertEquals(1, run("--export", export, "--tree-head", treeHead, "--public-key", publicKey));
        assertEquals("TAMPERED: record #7 (line 8) was altered: its content does not hash to the leaf hash the log"
                + " stored for it\n", stdout());
    }

    @Test
    void anAlteredRecordIsNamedWithExitOne() throws IOException {
        lines.set(11, lines.get(11).replace("\"risk-management\"", "\"curiosity\""));
        rewriteExport();
        assertEquals(1, run("--export", export, "--tree-head", treeHead, "--public-key", publicKey));
        assertEquals("TAMPERED: record #11 (line 12) was altered: its content does not hash to the leaf hash the log"
                + " stored for it\n", stdout());
    }

    @Test
    void aDeletedRecordIsNamed() throws IOException {
        lines.remove(5);
        rewriteExport();
        assertEquals(1, run("--export", export, "--tree-head", treeHead, "--public-key", publicKey));
        assertEquals("TAMPERED: record #5 is missing (expected on line 6): line 6 holds #6 and #5 is nowhere in the"
                + " export\n", stdout());
    }

    @Test
    void reorderedRecordsAreNamed() throws IOException {
        Collections.swap(lines, 8, 9);
        rewriteExport();
        assertEquals(1, run("--export", export, "--tree-head", treeHead, "--public-key", publicKey));
        assertEquals("TAMPERED: record #8 is out of order: line 9 holds #9 and #8 comes on line 10\n", stdout());
    }

    @Test
    void anInsertedRecordIsNamed() throws IOException {
        lines.add(4, lines.get(3));
        rewriteExport();
        assertEquals(1, run("--export", export, "--tree-head", treeHead, "--public-key", publicKey));
        assertEquals("TAMPERED: line 5 holds an inserted record #3: #3 came earlier in the export\n", stdout());
    }

    @Test
    void aConsistentForgeryIsLocatedByCheckpoints() throws IOException {
        byte[] leaf = CanonicalEncoding.encode(record(13, "curiosity"));
        lines.set(13, "{\"leafHash\":\"" + org.interlock.audit.merkle.TreeHasher.leafHash(leaf).toHex()
                + "\",\"record\":" + new String(leaf, UTF_8) + "}");
        rewriteExport();
        Path checkpoints = dir.resolve("checkpoints.ndjson");
        Files.write(checkpoints, (new String(TreeHeadJson.encode(heads.get(9)), UTF_8) + "\n"
                + new String(TreeHeadJson.encode(heads.get(14)), UTF_8) + "\n").getBytes(UTF_8));
        assertEquals(1, run("--export", export, "--tree-head", treeHead, "--public-key", publicKey,
                "--checkpoints", checkpoints));
        assertEquals("TAMPERED: records #10 to #14 do not match the signed checkpoint of size 15: a record in that"
                + " range was altered or replaced together with its leaf hash\n", stdout());
    }

    @Test
    void aTreeHeadSignedWithAnotherKeyIsRejected() throws IOException {
        TreeHeadSigner stranger = TreeHeadSigner.of(Ed25519Keys.generate().getPrivate());
        SignedTreeHead head = stranger.sign(RECORDS, heads.getLast().head().rootHash(), heads.getLast().head().timestamp());
        Files.write(treeHead, TreeHeadJson.encode(head));
        assertEquals(1, run("--export", export, "--tree-head", treeHead, "--public-key", publicKey));
        assertEquals("TAMPERED: the tree head is rejected: signed by key " + stranger.keyId()
                + ", which is not a given public key\n", stdout());
    }

    @Test
    void anExportOnStandardInputVerifies() throws IOException {
        byte[] bytes = Files.readAllBytes(export);
        int status = AuditVerifier.run(new String[] {"--export", "-", "--tree-head", treeHead.toString(),
                "--public-key", publicKey.toString()}, new ByteArrayInputStream(bytes), new PrintStream(out, true, UTF_8),
                new PrintStream(err, true, UTF_8));
        assertEquals(0, status, err.toString(UTF_8));
    }

    @Test
    void missingArgumentsAreAUsageError() {
        assertEquals(2, run("--export", export));
        assertTrue(err.toString(UTF_8).contains("--export, --tree-head and at least one --public-key are required"));
    }

    @Test
    void anUnreadableFileIsAnIoError() {
        assertEquals(2, run("--export", dir.resolve("nope.ndjson"), "--tree-head", treeHead, "--public-key", publicKey));
        assertTrue(err.toString(UTF_8).contains("cannot read"), err.toString(UTF_8));
    }

    @Test
    void aFileThatIsNotATreeHeadIsAUsageError() throws IOException {
        Files.writeString(treeHead, "{}");
        assertEquals(2, run("--export", export, "--tree-head", treeHead, "--public-key", publicKey));
    }

    @Test
    void helpDescribesTheCommandAndItsExitStatus() {
        assertEquals(0, run("--help"));
        assertTrue(stdout().contains("Exit status: 0 verified, 1 tampering found, 2 usage or I/O error."));
    }

    private static AuditRecord record(long sequence, String purpose) {
        return AuditRecord.builder(Instant.parse("2026-11-26T09:00:00Z").plusSeconds(sequence),
                        Actor.person("user-" + sequence, "police", "cli"), Action.DISCLOSE_REST, Decision.permit("agreement"))
                .sequence(sequence)
                .resource(new Resource("intel-report", "r-" + sequence, "urn:interlock:person:p1", "intel.report", "secret"))
                .purpose(purpose)
                .build();
    }

    private static AuditRecord verdict(long sequence, String reviewed) {
        return AuditRecord.builder(Instant.parse("2026-11-26T09:00:00Z").plusSeconds(sequence),
                        Actor.person("aud.auditor", "oversight", "cli"), Action.REVIEW_BREAK_GLASS,
                        Decision.deny("unjustified"))
                .sequence(sequence)
                .resource(new Resource("break-glass-review", reviewed, "urn:interlock:person:p1", null, null))
                .purpose("audit")
                .build();
    }

    private void rewriteExport() throws IOException {
        Files.write(export, (String.join("\n", lines) + "\n").getBytes(UTF_8));
    }

    private int run(Object... args) {
        String[] strings = java.util.Arrays.stream(args).map(Object::toString).toArray(String[]::new);
        return AuditVerifier.run(strings, java.io.InputStream.nullInputStream(), new PrintStream(out, true, UTF_8),
                new PrintStream(err, true, UTF_8));
    }

    private String stdout() {
        return out.toString(UTF_8);
    }
}
