package org.interlock.gateway.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.audit.export.ExportVerdict;
import org.interlock.audit.export.ExportVerifier;
import org.interlock.audit.export.Finding;
import org.interlock.audit.head.SignedTreeHead;
import org.interlock.audit.head.TreeHeadSigner;
import org.interlock.audit.merkle.InMemoryLeafHashes;
import org.interlock.audit.merkle.MerkleTree;
import org.interlock.audit.merkle.NodeHash;
import org.interlock.contracts.PersonReference;
import org.interlock.gateway.audit.sealing.TreeHeadSealer;
import org.interlock.gateway.enforcement.UpstreamStub;
import org.interlock.testing.GatewayResource;
import org.interlock.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Someone with full access to the database (triggers and grants notwithstanding) alters, deletes,
 * reorders or inserts audit rows: the API's proofs refuse to vouch for the log, and the offline
 * verifier, given an export, the signed head and the public key, names the first bad record.
 * Each test puts the rows back afterwards, as they were.
 */
@QuarkusTest
@QuarkusTestResource(GatewayResource.class)
@QuarkusTestResource(UpstreamStub.class)
class AuditTamperTest {

    private static final String DB = GatewayResource.DATABASE;
    /** Statements run with the append-only triggers off, as a superuser could. */
    private static final String TRIGGERS_OFF = "SET LOCAL session_replication_role = replica";

    @Inject
    TreeHeadSealer sealer;

    @Inject
    TreeHeadSigner signer;

    long older;
    long size;
    long victim;

    @BeforeEach
    void aLogSealedTwice() throws Exception {
        older = sealAfterTwoReads();
        size = sealAfterTwoReads();
        victim = lastDisclosureBefore(size);
        TestDatabase.execute(DB, "DROP TABLE IF EXISTS public.records_before, public.heads_before",
                "CREATE TABLE public.records_before AS SELECT * FROM audit.records",
                "CREATE TABLE public.heads_before AS SELECT * FROM audit.tree_heads");
    }

    @AfterEach
    void putTheRowsBack() {
        // The auditor's own queries during the test go too: the log is as it was before the test.
        TestDatabase.execute(DB, TRIGGERS_OFF, "DELETE FROM audit.records",
                "INSERT INTO audit.records SELECT * FROM public.records_before",
                "DELETE FROM audit.tree_heads", "INSERT INTO audit.tree_heads SELECT * FROM public.heads_before",
                "UPDATE audit.log_state SET next_sequence = (SELECT count(*) FROM audit.records)",
                "DROP TABLE public.records_before, public.heads_before");
    }

    private static long lastDisclosureBefore(long sequence) {
        return TestDatabase.number(DB, "SELECT max(sequence) FROM audit.records WHERE action = 'DISCLOSE_REST'"
                + " AND sequence < " + sequence);
    }

    private long sealAfterTwoReads() throws Exception {
        AuditFixtures.oliviaReadsCustody(PersonReference.random());
        AuditFixtures.oliviaReadsCustody(PersonReference.random());
        sealer.seal();
        return latestSize();
    }

    @Test
    void anAlteredRecordIsNamed() throws IOException {
        TestDatabase.execute(DB, TRIGGERS_OFF, "UPDATE audit.records SET leaf = convert_to(replace(convert_from(leaf,"
                + " 'UTF8'), 'case-management', 'public-protection'), 'UTF8') WHERE sequence = " + victim);

        inclusionIsRefused(victim);
        Finding finding = tampered(verifyExport());
        assertEquals(new Finding.Altered(victim, victim + 1), finding);
    }

    @Test
    void aRecordAlteredTogetherWithItsLeafHashIsCaught() throws IOException {
        TestDatabase.execute(DB, TRIGGERS_OFF, "UPDATE audit.records SET leaf = convert_to(replace(convert_from(leaf,"
                        + " 'UTF8'), 'case-management', 'public-protection'), 'UTF8') WHERE sequence = " + victim,
                "UPDATE audit.records SET leaf_hash = sha256('\\x00'::bytea || leaf) WHERE sequence = " + victim);

        inclusionIsRefused(victim);
        assertInstanceOf(Finding.Diverged.class, tampered(verifyExport()));
    }

    @Test
    void aDeletedRecordIsNamed() throws IOException {
        TestDatabase.execute(DB, TRIGGERS_OFF, "DELETE FROM audit.records WHERE sequence = " + victim);

        AuditFixtures.auditor().queryParam("sequence", victim).get("/audit/v1/proofs/inclusion").then()
                .statusCode(409).body("detail", containsString("record " + victim + " is missing"));
        inclusionIsRefused(victim - 1);
        AuditFixtures.auditor().queryParam("to", size).get("/audit/v1/export").then().statusCode(409)
                .body("type", equalTo("urn:interlock:problem:audit-integrity"));
    }

    @Test
    void reorderedRecordsAreNamed() throws IOException {
        TestDatabase.execute(DB, TRIGGERS_OFF,
                "UPDATE audit.records SET sequence = 999999999 WHERE sequence = " + victim,
                "UPDATE audit.records SET sequence = " + victim + " WHERE sequence = " + (victim - 1),
                "UPDATE audit.records SET sequence = " + (victim - 1) + " WHERE sequence = 999999999");

        inclusionIsRefused(victim);
        Finding finding = tampered(verifyExport());
        assertInstanceOf(Finding.OutOfOrder.class, finding);
        assertEquals(victim - 1, ((Finding.OutOfOrder) finding).sequence());
    }

    @Test
    void anInsertedRecordIsNamed() throws IOException {
        // Make room at the victim's place (and at the end of the log), then put a copy of a later record there.
        TestDatabase.execute(DB, TRIGGERS_OFF, "UPDATE audit.log_state SET next_sequence = next_sequence + 1",
                "UPDATE audit.records SET sequence = sequence + 1000000 WHERE sequence >= " + victim,
                "UPDATE audit.records SET sequence = sequence - 999999 WHERE sequence >= 1000000",
                "INSERT INTO audit.records SELECT " + victim + ", recorded_at, actor_subject, actor_agency, actor_org,"
                        + " action, outcome, person, consent, break_glass, leaf, leaf_hash FROM audit.records WHERE sequence = "
                        + (victim + 2));

        inclusionIsRefused(victim);
        Finding finding = tampered(verifyExport());
        assertInstanceOf(Finding.Inserted.class, finding);
        assertEquals(victim + 1, ((Finding.Inserted) finding).line());
    }

    @Test
    void aRewrittenHistoryHasNoConsistencyProof() throws Exception {
        long rewritten = lastDisclosureBefore(older);
        TestDatabase.execute(DB, TRIGGERS_OFF, "UPDATE audit.records SET leaf = convert_to(replace(convert_from(leaf,"
                        + " 'UTF8'), 'case-management', 'public-protection'), 'UTF8') WHERE sequence = " + rewritten,
                "UPDATE audit.records SET leaf_hash = sha256('\\x00'::bytea || leaf) WHERE sequence = " + rewritten,
                "DELETE FROM audit.tree_heads WHERE tree_size = " + size);
        // Whoever rewrote it even holds the signing key, and signs a head over the rewritten log.
        forgeHeadOverTheStoredLog();

        AuditFixtures.auditor().queryParam("from", older).queryParam("to", size)
                .get("/audit/v1/proofs/consistency").then().statusCode(409)
                .body("type", equalTo("urn:interlock:problem:audit-integrity"));
    }

    private void inclusionIsRefused(long sequence) {
        AuditFixtures.auditor().queryParam("sequence", sequence).queryParam("treeSize", size)
                .get("/audit/v1/proofs/inclusion").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:interlock:problem:audit-integrity"));
    }

    private ExportVerdict verifyExport() throws IOException {
        byte[] export = AuditFixtures.auditor().queryParam("to", size).get("/audit/v1/export").then().statusCode(200)
                .extract().asByteArray();
        SignedTreeHead head = AuditFixtures.headAt(size);
        String pem = AuditFixtures.auditor().get("/audit/v1/public-key").then().extract().asString();
        return new ExportVerifier(org.interlock.audit.head.TreeHeadVerifier.fromConfig(pem))
                .verify(new ByteArrayInputStream(export), head);
    }

    private static Finding tampered(ExportVerdict verdict) {
        return assertInstanceOf(ExportVerdict.Tampered.class, verdict, "the verifier must find the tampering")
                .finding();
    }

    private static long latestSize() {
        return AuditFixtures.auditor().get("/audit/v1/tree-heads/latest").then().statusCode(200).extract().jsonPath()
                .getLong("treeSize");
    }

    private void forgeHeadOverTheStoredLog() {
        long count = size;
        InMemoryLeafHashes leaves = new InMemoryLeafHashes();
        for (long i = 0; i < count; i++) {
            leaves.append(NodeHash.of(AuditFixtures.unhex(TestDatabase.text(DB,
                    "SELECT encode(leaf_hash, 'hex') FROM audit.records WHERE sequence = " + i))));
        }
        MerkleTree tree = new MerkleTree(leaves);
        SignedTreeHead forged = signer.sign(count, tree.rootHash(count), java.time.Instant.now());
        var range = tree.compactRange(count);
        StringBuilder frontier = new StringBuilder();
        range.frontier().forEach(h -> frontier.append(h.toHex()));
        TestDatabase.execute(DB, "INSERT INTO audit.tree_heads VALUES (" + count + ", '\\x"
                + forged.head().rootHash().toHex() + "', now(), '" + forged.head().keyId().toHex() + "', convert_to('"
                + new String(org.interlock.audit.head.TreeHeadJson.encode(forged), java.nio.charset.StandardCharsets.UTF_8)
                + "', 'UTF8'), '\\x" + frontier + "')");
    }
}
