package org.interlock.audit.export;

import java.nio.charset.StandardCharsets;

/**
 * The byte layout of an audit export ({@code export.ndjson}), shared by {@link ExportWriter} and
 * {@link ExportVerifier}. UTF-8, one canonical JSON object per line, each line ending in {@code \n}:
 * <pre>
 * [range header, only when the export does not start at sequence 0]
 * {"frontier":["&lt;hex&gt;",...],"start":k}
 * [one line per record, sequences start, start+1, ... with no gap]
 * {"leafHash":"&lt;64 lowercase hex&gt;","record":&lt;the record's canonical bytes&gt;}
 * </pre>
 * {@code record} is, byte for byte, the record's canonical encoding — the Merkle leaf — and
 * {@code leafHash} is the leaf hash the log stored for it; being canonical JSON itself, a line has a
 * fixed frame: 88 bytes, the record, and {@code }}. The frontier of a range export is the hashes of
 * the complete subtrees that make up leaves {@code [0, k)}, largest first (one per set bit of k): with
 * it the verifier recomputes the full root from records k onwards alone. Nothing in the export is
 * trusted: the signed tree head decides.
 */
final class ExportFormat {

    static final byte[] RECORD_PREFIX = "{\"leafHash\":\"".getBytes(StandardCharsets.US_ASCII);
    static final byte[] RECORD_INFIX = "\",\"record\":".getBytes(StandardCharsets.US_ASCII);
    static final int HASH_HEX_LENGTH = 64;
    static final int RECORD_OFFSET = RECORD_PREFIX.length + HASH_HEX_LENGTH + RECORD_INFIX.length;
    static final byte[] HEADER_PREFIX = "{\"frontier\":".getBytes(StandardCharsets.US_ASCII);

    private ExportFormat() {
    }
}
