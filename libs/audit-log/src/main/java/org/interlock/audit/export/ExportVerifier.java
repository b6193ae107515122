package org.interlock.audit.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.interlock.audit.export.ExportVerdict.Tampered;
import org.interlock.audit.export.ExportVerdict.Verified;
import org.interlock.audit.export.Finding.Altered;
import org.interlock.audit.export.Finding.Diverged;
import org.interlock.audit.export.Finding.HeadRejected;
import org.interlock.audit.export.Finding.Inserted;
import org.interlock.audit.export.Finding.Malformed;
import org.interlock.audit.export.Finding.Missing;
import org.interlock.audit.export.Finding.OutOfOrder;
import org.interlock.audit.head.HeadCheck;
import org.interlock.audit.head.SignedTreeHead;
import org.interlock.audit.head.TreeHead;
import org.interlock.audit.head.TreeHeadVerifier;
import org.interlock.audit.merkle.CompactRange;
import org.interlock.audit.merkle.NodeHash;
import org.interlock.audit.merkle.TreeHasher;

/**
 * Checks an export against a signed tree head, offline, in one streaming pass with memory independent
 * of the export's size: every record is hashed from its bytes, appended to a {@link CompactRange}, and
 * the root is compared with the signed root when the range reaches the head's size — and with each
 * earlier signed checkpoint's root on the way, which narrows down where a consistent forgery sits.
 *
 * <p>It stops at the first problem, in file order, and names it ({@link Finding}): a head not signed by
 * a given key; a malformed line; a sequence that is not the next one (missing, out of order, inserted);
 * a record that does not hash to its stored leaf hash (altered); or, when every record is
 * self-consistent, a root that differs from a signed one (diverged, between two checkpoints).
 *
 * <p>What it proves when it passes: the records are exactly leaves {@code start .. treeSize-1} of the tree
 * the key signed. What it cannot prove: anything about records before a range export's start; that the
 * log recorded every disclosure (only that it did not lose or change what it recorded); or that the
 * signed head is the latest — compare it with one obtained independently (e.g. published) and ask the
 * log for a consistency proof between them.
 *
 * <p>It hashes on the calling thread and one helper thread ({@link LeafHashing}); run it off any
 * event-loop thread.
 */
public final class ExportVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TreeHeadVerifier keys;

    public ExportVerifier(TreeHeadVerifier keys) {
        this.keys = keys;
    }

    /**
     * Verifies {@code export} against {@code head} and any earlier signed {@code checkpoints} of the same
     * log (none larger than the head).
     */
    public ExportVerdict verify(InputStream export, SignedTreeHead head, List<SignedTreeHead> checkpoints)
            throws IOException {
        HeadCheck headCheck = keys.check(head);
        if (!(headCheck instanceof HeadCheck.Valid)) {
            return new Tampered(new HeadRejected("the tree head", headCheck));
        }
        List<Target> targets = new ArrayList<>();
        for (SignedTreeHead checkpoint : checkpoints) {
            long size = checkpoint.head().treeSize();
            if (size > head.head().treeSize()) {
                throw new IllegalArgumentException("the checkpoint of size " + size + " is newer than the tree head");
            }
            HeadCheck check = keys.check(checkpoint);
            if (!(check instanceof HeadCheck.Valid)) {
                return new Tampered(new HeadRejected("the checkpoint of size " + size, check));
            }
            targets.add(new Target(checkpoint.head(), "the signed checkpoint of size " + size));
        }
        targets.add(new Target(head.head(), "the signed tree head (size " + head.head().treeSize() + ")"));
        targets.sort(Comparator.comparingLong(target -> target.head().treeSize()));
        try (LeafHashing hashing = new LeafHashing()) {
            return new Pass(export, head, new ArrayDeque<>(targets), hashing).run();
        }
    }

    public ExportVerdict verify(InputStream export, SignedTreeHead head) throws IOException {
        return verify(export, head, List.of());
    }

    private record Target(TreeHead head, String name) {
    }

    /** The state of one verification pass. */
    private static final class Pass implements LineReader.BatchListener {
        private final LineReader lines;
        private final SignedTreeHead head;
        private final long treeSize;
        private final Deque<Target> targets;
        private final LeafHashing hashing;
        private NodeHash[] leafHashes = new NodeHash[0];
        private CompactRange range = new CompactRange();
        private long start;
        private long next;
        private long line;
        private long lastMatched;
        private int checked;

        Pass(InputStream export, SignedTreeHead head, Deque<Target> targets, LeafHashing hashing) {
            this.lines = new LineReader(export, this);
            this.hashing = hashing;
            this.head = head;
            this.treeSize = head.head().treeSize();
            this.targets = targets;
        }

        ExportVerdict run() throws IOException {
            boolean pending = lines.next();
            if (pending && startsWith(ExportFormat.HEADER_PREFIX)) {
                line++;
                Finding bad = readRangeHeader();
                if (bad != null) {
                    return new Tampered(bad);
                }
                pending = lines.next();
            }
            Finding bad = checkTargetsReached();
            while (bad == null && pending) {
                line++;
                bad = record();
                pending = bad == null && lines.next();
            }
            if (bad == null && next < treeSize) {
                bad = new Missing(next, line + 1, next == start ? "the export holds no records"
                        : "the export ends after #" + (next - 1) + ", the tree head covers " + treeSize + " records");
            }
            return bad != null ? new Tampered(bad) : new Verified(start, next - start, head, checked);
        }

        private Finding record() throws IOException {
            byte[] b = lines.buffer();
            int from = lines.lineStart();
            int to = lines.lineEnd();
            String layout = layoutProblem(b, from, to);
            byte[] stored = layout == null ? storedLeafHash(b, from) : null;
            if (stored == null) {
                return new Malformed(line, layout != null ? layout : "the leaf hash is not 64 lowercase hexadecimal digits");
            }
            int recordFrom = from + ExportFormat.RECORD_OFFSET;
            long sequence = RecordSequence.read(b, recordFrom, to - 1);
            if (sequence < 0) {
                return new Malformed(line, "the record has no sequence number");
            }
            if (next >= treeSize || sequence >= treeSize) {
                return new Inserted(sequence, line, "the signed tree head covers sequences 0 to " + (treeSize - 1));
            }
            if (sequence < next) {
                return new Inserted(sequence, line, sequence < start ? "the export starts at #" + start
                        : "#" + sequence + " came earlier in the export");
            }
            if (sequence > next) {
                return missingOrOutOfOrder(sequence);
            }
            NodeHash leaf = leafHashes[lines.indexInBatch()];
            if (!leaf.equals(NodeHash.of(stored))) {
                return new Altered(sequence, line);
            }
            range.append(leaf);
            next++;
            return checkTargetsReached();
        }

        /** Hashes every record of a batch before it is checked, with {@link LeafHashing}. */
        @Override
        public void batch(byte[] buffer, int[] starts, int[] ends, int count) {
            leafHashes = hashing.hash(buffer, starts, ends, count);
        }

        // The record due here is absent: if it comes later, records were reordered; if not, it was removed.
        private Finding missingOrOutOfOrder(long foundInstead) throws IOException {
            long due = next;
            long dueLine = line;
            while (lines.next()) {
                line++;
                byte[] b = lines.buffer();
                int from = lines.lineStart();
                int to = lines.lineEnd();
                if (layoutProblem(b, from, to) == null
                        && RecordSequence.read(b, from + ExportFormat.RECORD_OFFSET, to - 1) == due) {
                    return new OutOfOrder(due, dueLine, line, foundInstead);
                }
            }
            return new Missing(due, dueLine, "line " + dueLine + " holds #" + foundInstead
                    + " and #" + due + " is nowhere in the export");
        }

        private Finding checkTargetsReached() {
            while (!targets.isEmpty() && targets.peek().head().treeSize() <= next) {
                Target target = targets.poll();
                if (target.head().treeSize() < start) {
                    continue; // before a range export's start: nothing here to check it with
                }
                if (!range.rootHash().equals(target.head().rootHash())) {
                    return new Diverged(lastMatched, target.head().treeSize(), target.name());
                }
                lastMatched = target.head().treeSize();
                checked++;
            }
            return null;
        }

        private Finding readRangeHeader() {
            try {
                JsonNode header = JSON.readTree(lines.buffer(), lines.lineStart(), lines.lineEnd() - lines.lineStart());
                long first = header.path("start").asLong(-1);
                List<NodeHash> frontier = new ArrayList<>();
                header.path("frontier").forEach(hash -> frontier.add(NodeHash.fromHex(hash.asText())));
                if (first <= 0 || first > treeSize || header.size() != 2) {
                    return new Malformed(line, "the range header's start is not within the signed tree");
                }
                range = CompactRange.resume(first, frontier, null);
                start = first;
                next = first;
                lastMatched = first;
                return null;
            } catch (IOException | IllegalArgumentException e) {
                return new Malformed(line, "the range header is not {\"frontier\":[...],\"start\":k}: " + e.getMessage());
            }
        }

        private String layoutProblem(byte[] b, int from, int to) {
            if (!lines.terminated()) {
                return "the last line does not end with a line feed (the file was cut)";
            }
            if (to - from < ExportFormat.RECORD_OFFSET + 3 || !startsWith(ExportFormat.RECORD_PREFIX)
                    || !regionEquals(b, from + ExportFormat.RECORD_PREFIX.length + ExportFormat.HASH_HEX_LENGTH,
                    ExportFormat.RECORD_INFIX)
                    || b[from + ExportFormat.RECORD_OFFSET] != '{' || b[to - 1] != '}' || b[to - 2] != '}') {
                return "expected {\"leafHash\":\"<64 hex>\",\"record\":{...}} exactly";
            }
            return null;
        }

        private boolean startsWith(byte[] prefix) {
            return lines.lineEnd() - lines.lineStart() >= prefix.length
                    && regionEquals(lines.buffer(), lines.lineStart(), prefix);
        }

        private static boolean regionEquals(byte[] b, int at, byte[] expected) {
            return Arrays.equals(b, at, at + expected.length, expected, 0, expected.length);
        }

        private static byte[] storedLeafHash(byte[] b, int lineFrom) {
            int at = lineFrom + ExportFormat.RECORD_PREFIX.length;
            byte[] hash = new byte[NodeHash.SIZE];
            for (int i = 0; i < NodeHash.SIZE; i++) {
                int high = nibble(b[at + 2 * i]);
                int low = nibble(b[at + 2 * i + 1]);
                if (high < 0 || low < 0) {
                    return null;
                }
                hash[i] = (byte) (high << 4 | low);
            }
            return hash;
        }

        private static int nibble(byte c) {
            if (c >= '0' && c <= '9') {
                return c - '0';
            }
            return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        }
    }
}
