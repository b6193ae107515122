package org.interlock.audit.export;

import org.interlock.audit.head.SignedTreeHead;

/** What the verifier concluded about an export. */
public sealed interface ExportVerdict {

    /**
     * Records {@code start} to {@code start + records - 1} are exactly the leaves of the signed tree:
     * none altered, removed, reordered or inserted.
     *
     * @param checkpointsChecked how many signed heads (checkpoints and the tree head) the records were
     *                           checked against
     */
    record Verified(long start, long records, SignedTreeHead head, int checkpointsChecked) implements ExportVerdict {
    }

    /** The first thing found wrong; verification stops there. */
    record Tampered(Finding finding) implements ExportVerdict {
    }
}
