package org.interlock.platform.actor;

/**
 * An {@code X-Interlock-Actor} header that is missing, malformed, badly signed or out of its time.
 * The message says which, in words that never quote the header (it names a user).
 */
public class InvalidActorAssertion extends RuntimeException {

    public InvalidActorAssertion(String reason) {
        super(reason, null, false, false);
    }
}
