package org.interlock.policy.redaction;

/**
 * A permit's obligations (its field whitelist or its redactions) could not be applied to a record,
 * so nothing of that record may be released: the caller withholds it and records why. Unchecked,
 * so that no caller can let it pass by accident; a caller that forgets it still releases nothing.
 *
 * <p>The message names the obligation and what went wrong, never the record's content, so it may be
 * logged. For the same reason there is no cause: the JSONPath library's messages quote the record
 * they failed on.
 */
public final class ObligationFailure extends RuntimeException {

    public ObligationFailure(String message) {
        super(message);
    }
}
