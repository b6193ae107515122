package org.interlock.bench.audit;

import com.sun.management.OperatingSystemMXBean;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.interlock.audit.export.ExportVerdict;
import org.interlock.audit.export.ExportVerifier;
import org.interlock.audit.export.ExportWriter;
import org.interlock.audit.head.Ed25519Keys;
import org.interlock.audit.head.SignedTreeHead;
import org.interlock.audit.head.TreeHeadSigner;
import org.interlock.audit.merkle.CompactRange;
import org.interlock.audit.merkle.ConsistencyProof;
import org.interlock.audit.merkle.InMemoryLeafHashes;
import org.interlock.audit.merkle.InclusionProof;
import org.interlock.audit.merkle.MerkleTree;
import org.interlock.audit.merkle.NodeHash;
import org.interlock.audit.merkle.SubtreeCache;
import org.interlock.audit.merkle.TreeHasher;
import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.CanonicalEncoding;
import org.interlock.audit.record.Decision;
import org.interlock.audit.record.Resource;

/**
 * The audit log's core, timed in memory on one thread: records encoded, hashed, appended and sealed
 * into signed tree heads; a 1,000,000-record export verified; proofs in a 1,000,000-leaf tree.
 * Prints {@code BENCH|name|figure|unit|target} lines for {@code bench/run} (see {@code bench/audit.bench}).
 * A plain timed main rather than JMH: one verification of a million records takes about a second and
 * allocates a gigabyte, and the figures wanted are throughput and latency of whole operations.
 *
 * <p>Usage: {@code AuditLogBenchmark [records]} (default 1,000,000); give the JVM {@code -Xmx4g}. Records
 * are full disclosure records of about 650 bytes (740 per export line).
 */
public final class AuditLogBenchmark {

    private static final int SEAL_EVERY = 10_000;
    private static final int PROOFS = 100_000;

    private AuditLogBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String n = count % 1_000_000 == 0 ? count / 1_000_000 + "M" : String.valueOf(count);
        TreeHeadSigner signer = TreeHeadSigner.of(Ed25519Keys.generate().getPrivate());
        AuditRecord template = template();

        appendAndSeal(Math.min(count, 100_000), template, signer); // warm-up
        Sealed sealed = appendAndSeal(count, template, signer);
        print("audit append+seal (sign every 10k)", sealed.recordsPerSecond(), "records/s", "≥ 50000");

        ExportVerifier verifier = new ExportVerifier(signer.verifier());
        verify(verifier, sealed); // warm-up: the JIT needs a few hundred MB of lines
        verify(verifier, sealed);
        double[][] runs = new double[3][];
        for (int run = 0; run < runs.length; run++) {
            runs[run] = verify(verifier, sealed);
        }
        print("audit verify " + n + "-record export",
                Arrays.stream(runs).mapToDouble(run -> run[0]).average().orElseThrow(), "s", "≤ 1");
        print("audit verify " + n + ", CPU of all threads",
                Arrays.stream(runs).mapToDouble(run -> run[1]).average().orElseThrow(), "s", "-");

        MerkleTree tree = new MerkleTree(sealed.leaves(), sealed.cache());
        print("audit inclusion proof, " + n + " leaves", inclusionProofMillis(tree, count), "ms", "≤ 1");
        print("audit consistency proof, " + n + " leaves", consistencyProofMillis(tree, count), "ms", "≤ 1");
        long cold = System.nanoTime();
        new MerkleTree(sealed.leaves(), new SubtreeCache()).inclusionProof(count / 3, count);
        print("audit first proof, cold, " + n + " leaves", (System.nanoTime() - cold) / 1e6, "ms", "-");
    }

    private record Sealed(InMemoryLeafHashes leaves, SubtreeCache cache, byte[] export, SignedTreeHead head,
                          double recordsPerSecond) {
    }

    /** What the sequencer does per record, plus a signed head every {@value #SEAL_EVERY} records. */
    private static Sealed appendAndSeal(int count, AuditRecord template, TreeHeadSigner signer) throws IOException {
        InMemoryLeafHashes leaves = new InMemoryLeafHashes();
        SubtreeCache cache = new SubtreeCache();
        CompactRange range = new CompactRange(cache);
        byte[][] stored = new byte[count][];
        Instant time = template.time();
        SignedTreeHead head = null;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            AuditRecord record = new AuditRecord(i, time.plusMillis(i), template.actor(), template.action(),
                    template.resource(), template.purpose(), template.decision(), template.redactedFields(),
                    template.agreement(), template.consent(), template.policyVersion(), null, "req-" + i,
                    template.traceId());
            byte[] leaf = CanonicalEncoding.encode(record);
            NodeHash leafHash = TreeHasher.leafHash(leaf);
            stored[i] = leaf;
            leaves.append(leafHash);
            range.append(leafHash);
            if ((i + 1) % SEAL_EVERY == 0 || i + 1 == count) {
                head = signer.sign(range.size(), range.rootHash(), time.plusMillis(i));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ByteArrayOutputStream export = new ByteArrayOutputStream(count * 760);
        try (ExportWriter writer = new ExportWriter(export)) {
            for (int i = 0; i < count; i++) {
                writer.append(stored[i], leaves.leafHash(i));
            }
        }
        return new Sealed(leaves, cache, export.toByteArray(), head, count / seconds);
    }

    /** Wall-clock and process CPU seconds of one verification: on a shared machine they tell contention apart. */
    private static double[] verify(ExportVerifier verifier, Sealed sealed) throws IOException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        ExportVerdict verdict = verifier.verify(new ByteArrayInputStream(sealed.export()), sealed.head(), List.of());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!(verdict instanceof ExportVerdict.Verified)) {
            throw new IllegalStateException("benchmark export did not verify: " + verdict);
        }
        return new double[] {seconds, (os.getProcessCpuTime() - cpu) / 1e9};
    }

    private static double inclusionProofMillis(MerkleTree tree, int size) {
        SplittableRandom random = new SplittableRandom(7);
        NodeHash root = tree.rootHash(size);
        for (int i = 0; i < PROOFS / 10; i++) {
            tree.inclusionProof(random.nextInt(size), size); // warm-up
        }
        long start = System.nanoTime();
        int verified = 0;
        for (int i = 0; i < PROOFS; i++) {
            int leaf = random.nextInt(size);
            InclusionProof proof = tree.inclusionProof(leaf, size);
            verified += proof.path().size() > 0 ? 1 : 0;
        }
        double millis = (System.nanoTime() - start) / 1e6 / PROOFS;
        if (verified != PROOFS || !tree.inclusionProof(size / 2, size).verify(tree.subtreeHash(0, size / 2), root)) {
            throw new IllegalStateException("inclusion proofs did not verify");
        }
        return millis;
    }

    private static double consistencyProofMillis(MerkleTree tree, int size) {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < PROOFS / 10; i++) {
            tree.consistencyProof(1 + random.nextInt(size - 1), size);
        }
        long start = System.nanoTime();
        for (int i = 0; i < PROOFS; i++) {
            tree.consistencyProof(1 + random.nextInt(size - 1), size);
        }
        double millis = (System.nanoTime() - start) / 1e6 / PROOFS;
        int from = size / 3;
        ConsistencyProof proof = tree.consistencyProof(from, size);
        if (!proof.verify(tree.rootHash(from), tree.rootHash(size))) {
            throw new IllegalStateException("consistency proof did not verify");
        }
        return millis;
    }

    /** A typical REST disclosure record, about 650 bytes encoded. */
    private static AuditRecord template() {
        return AuditRecord.builder(Instant.parse("2026-11-26T09:00:00Z"),
                        new Actor("f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "probation", "probation-north", "case-system", null),
                        Action.DISCLOSE_REST, Decision.permit("agreement"))
                .resource(new Resource("licence-conditions", "lc-000123", "urn:interlock:person:6a9e3f0c-1d2b-4c5e-8f7a-9b0c1d2e3f4a",
                        "licence.conditions", "official-sensitive"))
                .purpose("risk-management")
                .redactedFields(List.of("$.victimAddress"))
                .agreement("prisons-probation-release-2026")
                .policyVersion("2026.11.3")
                .traceId("4bf92f3577b34da6a3ce929d0e0e4736")
                .build();
    }

    private static void print(String name, double figure, String unit, String target) {
        String value = figure >= 100 ? String.format(Locale.ROOT, "%.0f", figure)
                : String.format(Locale.ROOT, "%.3f", figure);
        System.out.println("BENCH|" + name + "|" + value + "|" + unit + "|" + target);
    }
}
