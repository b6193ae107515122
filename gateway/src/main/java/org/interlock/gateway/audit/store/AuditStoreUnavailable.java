package org.interlock.gateway.audit.store;

import java.sql.SQLException;

/** The audit database could not be reached or refused the work: nothing that depends on it happens. */
public class AuditStoreUnavailable extends RuntimeException {

    public AuditStoreUnavailable(SQLException cause) {
        super("the audit store is unavailable: " + cause.getMessage(), cause);
    }
}
