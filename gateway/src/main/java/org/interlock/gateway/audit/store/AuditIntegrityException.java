package org.interlock.gateway.audit.store;

/**
 * The stored log does not match what it signed: a leaf is missing, out of place, or hashes to
 * something else. Never retried or hidden: answered as such and logged for the operators.
 */
public class AuditIntegrityException extends RuntimeException {

    public AuditIntegrityException(String message) {
        super(message);
    }
}
