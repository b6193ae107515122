package org.interlock.agency.inbox;

/**
 * An inbox event that can never be processed as it is (malformed envelope, payload or content):
 * it goes to the dead-letter topic with this message as the reason, and consumption goes on.
 */
public class UnprocessableEvent extends RuntimeException {

    public UnprocessableEvent(String reason) {
        super(reason, null, false, false);
    }
}
