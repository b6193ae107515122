package org.interlock.audit.export;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.interlock.audit.head.Ed25519Keys;
import org.interlock.audit.head.SignedTreeHead;
import org.interlock.audit.head.TreeHeadSigner;
import org.interlock.audit.merkle.CompactRange;
import org.interlock.audit.merkle.InMemoryLeafHashes;
import org.interlock.audit.merkle.MerkleTree;
import org.interlock.audit.merkle.TreeHasher;
import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.CanonicalEncoding;
import org.interlock.audit.record.Decision;
import org.interlock.audit.record.Resource;

/** A small signed log and its export lines, for tampering with in tests. */
final class TestLog {

    static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    final TreeHeadSigner signer = TreeHeadSigner.of(Ed25519Keys.generate().getPrivate());
    final List<AuditRecord> records = new ArrayList<>();
    final InMemoryLeafHashes leaves = new InMemoryLeafHashes();
    final MerkleTree tree = new MerkleTree(leaves);

    TestLog(int size) {
        for (int i = 0; i < size; i++) {
            AuditRecord record = record(i, "risk-management");
            records.add(record);
            leaves.append(CanonicalEncoding.leafHash(record));
        }
    }

    static AuditRecord record(long sequence, String purpose) {
        return AuditRecord.builder(T0.plusSeconds(sequence), Actor.person("user-" + sequence % 7, "probation", "cli"),
                        sequence % 5 == 0 ? Action.ROUTE_EVENT : Action.DISCLOSE_REST,
                        sequence % 3 == 0 ? Decision.deny("no-agreement") : Decision.permit("agreement"))
                .sequence(sequence)
                .resource(new Resource("custody-episode", "ce-" + sequence, "urn:interlock:person:p" + sequence % 11,
                        "custody.release", "official-sensitive"))
                .purpose(purpose)
                .requestId("req-" + sequence)
                .build();
    }

    SignedTreeHead head() {
        return headAt(records.size());
    }

    SignedTreeHead headAt(long size) {
        return signer.sign(size, tree.rootHash(size), T0.plusSeconds(size));
    }

    /** The export of records {@code from} onwards, one string per line (without the line feed). */
    List<String> exportLines(int from) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExportWriter writer = new ExportWriter(out)) {
            CompactRange prefix = tree.compactRange(from);
            writer.startAt(prefix);
            for (AuditRecord record : records.subList(from, records.size())) {
                writer.append(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(List.of(out.toString(UTF_8).split("\n")));
    }

    /** An export line for {@code record}, with its leaf hash recomputed as a careful forger would. */
    static String forgedLine(AuditRecord record) {
        byte[] leaf = CanonicalEncoding.encode(record);
        return "{\"leafHash\":\"" + TreeHasher.leafHash(leaf).toHex() + "\",\"record\":" + new String(leaf, UTF_8) + "}";
    }

    static byte[] join(List<String> lines) {
        StringBuilder export = new StringBuilder();
        lines.forEach(line -> export.append(line).append('\n'));
        return export.toString().getBytes(UTF_8);
    }
}
