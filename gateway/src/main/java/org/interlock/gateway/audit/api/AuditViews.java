package org.interlock.gateway.audit.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** What the auditor API answers. Hashes are lowercase hex; records are their canonical JSON. */
public final class AuditViews {

    private AuditViews() {
    }

    /**
     * One record: its index, its stored leaf hash and the record itself; in a person's disclosure
     * history, a break-glass access also carries the state and verdict of its review.
     */
    public record RecordView(long sequence, String leafHash, JsonNode record,
            @JsonInclude(JsonInclude.Include.NON_NULL) ReviewState review) {

        public RecordView(long sequence, String leafHash, JsonNode record) {
            this(sequence, leafHash, record, null);
        }
    }

    /** Where the review of a break-glass access stands: open, or closed with its verdict. */
    public record ReviewState(String state, String verdict) {
    }

    /** A page of records and the cursor of the next page (null on the last one). */
    public record RecordPage(List<RecordView> records, String next) {
    }

    /**
     * The proof that {@code leaf} (the record's exact canonical text: hash its UTF-8 bytes) is
     * record {@code sequence} of the tree {@code treeHead} signs.
     */
    public record InclusionView(long sequence, long treeSize, String leaf, String leafHash, List<String> path,
            JsonNode treeHead) {
    }

    /** The proof that the tree of {@code to} extends the tree of {@code from}. */
    public record ConsistencyView(long fromSize, long toSize, List<String> path, JsonNode fromHead, JsonNode toHead) {
    }
}
