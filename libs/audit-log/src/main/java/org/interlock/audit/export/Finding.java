package org.interlock.audit.export;

import org.interlock.audit.head.HeadCheck;

/**
 * The first thing wrong with an export, named for an auditor: which record (by sequence and by line
 * of the export file) and why. Line numbers count from 1 and include a range header.
 */
public sealed interface Finding {

    /** One sentence for the verifier's output. */
    String describe();

    /** The tree head or a checkpoint is not validly signed by a given key: nothing can be checked against it. */
    record HeadRejected(String which, HeadCheck check) implements Finding {
        public String describe() {
            return which + " is rejected: " + check.describe();
        }
    }

    /** A line that is not an export line: hand-edited, cut, or not an export at all. */
    record Malformed(long line, String reason) implements Finding {
        public String describe() {
            return "line " + line + " is not an export line: " + reason;
        }
    }

    /** The record's bytes do not hash to the leaf hash stored with it: one of them was changed. */
    record Altered(long sequence, long line) implements Finding {
        public String describe() {
            return "record #" + sequence + " (line " + line + ") was altered: its content does not hash to the leaf"
                    + " hash the log stored for it";
        }
    }

    /** No record with this sequence where it belongs, nor anywhere later: it was removed. */
    record Missing(long sequence, long line, String detail) implements Finding {
        public String describe() {
            return "record #" + sequence + " is missing (expected on line " + line + "): " + detail;
        }
    }

    /** The record is in the export, but not where its sequence puts it: records were reordered. */
    record OutOfOrder(long sequence, long expectedLine, long foundLine, long foundInstead) implements Finding {
        public String describe() {
            return "record #" + sequence + " is out of order: line " + expectedLine + " holds #" + foundInstead
                    + " and #" + sequence + " comes on line " + foundLine;
        }
    }

    /** A record the log cannot have there: a repeated sequence, or one beyond the signed tree. */
    record Inserted(long sequence, long line, String why) implements Finding {
        public String describe() {
            return "line " + line + " holds an inserted record #" + sequence + ": " + why;
        }
    }

    /**
     * Each record matches its stored leaf hash, but records {@code [fromSequence, toSequence)} do not form
     * the tree the signed head of size {@code toSequence} commits to, while the head at
     * {@code fromSequence} still matched: a record in that range was replaced together with its leaf hash.
     */
    record Diverged(long fromSequence, long toSequence, String against) implements Finding {
        public String describe() {
            return "records #" + fromSequence + " to #" + (toSequence - 1) + " do not match " + against
                    + ": a record in that range was altered or replaced together with its leaf hash";
        }
    }
}
