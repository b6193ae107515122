package org.interlock.audit.export;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interlock.audit.merkle.CompactRange;
import org.interlock.audit.merkle.NodeHash;
import org.interlock.audit.merkle.TreeHasher;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.CanonicalEncoding;
import org.interlock.audit.record.CanonicalJson;

/**
 * Writes an audit export in the {@link ExportFormat}: what the HTTP export endpoint streams, from the
 * stored canonical record bytes and leaf hashes, in sequence order. The export's tree head is written
 * separately with {@link org.interlock.audit.head.TreeHeadJson}; it must be a head whose tree size is
 * the sequence after the last record written.
 */
public final class ExportWriter implements Closeable {

    private final OutputStream out;
    private boolean started;

    public ExportWriter(OutputStream out) {
        this.out = new BufferedOutputStream(out, 1 << 16);
    }

    /**
     * Starts a range export at sequence {@code range.size()} (nothing is written for 0): the frontier
     * of the leaves before it, e.g. from {@link org.interlock.audit.merkle.MerkleTree#compactRange}.
     */
    public void startAt(CompactRange range) throws IOException {
        if (started) {
            throw new IllegalStateException("the range header comes before any record");
        }
        started = true;
        if (range.size() == 0) {
            return;
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("frontier", range.frontier().stream().map(NodeHash::toHex).toList());
        header.put("start", range.size());
        out.write(CanonicalJson.encode(header));
        out.write('\n');
    }

    /** Writes one record as stored: its canonical bytes and the leaf hash the log holds for it. */
    public void append(byte[] canonicalRecord, NodeHash storedLeafHash) throws IOException {
        if (canonicalRecord.length < 2 || canonicalRecord[0] != '{'
                || canonicalRecord[canonicalRecord.length - 1] != '}') {
            throw new IllegalArgumentException("not a canonical record");
        }
        for (byte b : canonicalRecord) {
            if (b == '\n') {
                throw new IllegalArgumentException("canonical JSON has no raw line break");
            }
        }
        started = true;
        out.write(ExportFormat.RECORD_PREFIX);
        out.write(storedLeafHash.toHex().getBytes(StandardCharsets.US_ASCII));
        out.write(ExportFormat.RECORD_INFIX);
        out.write(canonicalRecord);
        out.write('}');
        out.write('\n');
    }

    /** Writes a sequenced record, encoding and hashing it here. */
    public void append(AuditRecord record) throws IOException {
        byte[] leaf = CanonicalEncoding.encode(record);
        append(leaf, TreeHasher.leafHash(leaf));
    }

    /** Writes a range header from its parts, for stores that keep the frontier as hex. */
    public void startAt(long start, List<NodeHash> frontier) throws IOException {
        startAt(CompactRange.resume(start, frontier, null));
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    public void flush() throws IOException {
        out.flush();
    }
}
