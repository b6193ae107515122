package org.interlock.gateway.audit.api;

import java.sql.SQLException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.interlock.gateway.audit.store.AuditIntegrityException;
import org.interlock.gateway.audit.store.AuditStoreUnavailable;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemMapper;
import org.interlock.platform.problem.ProblemType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The audit store's failures as problem documents: an altered log is said so, loudly; an outage is 503. */
public class AuditProblems {

    private static final Logger LOG = Logger.getLogger(AuditProblems.class);

    private final ProblemMapper problems = new ProblemMapper();

    @ServerExceptionMapper
    public Response integrity(AuditIntegrityException e, UriInfo uri) {
        LOG.errorf("AUDIT LOG INTEGRITY FAILURE: %s", e.getMessage());
        return problems.problem(new ProblemException(ProblemType.AUDIT_INTEGRITY,
                "The stored audit log does not match its signed tree heads: " + e.getMessage()), uri);
    }

    /** The gateway's only database is the audit store: a failure there is an outage, not a bug to hide as 500. */
    @ServerExceptionMapper
    public Response database(SQLException e, UriInfo uri) {
        return unavailable(new AuditStoreUnavailable(e), uri);
    }

    @ServerExceptionMapper
    public Response unavailable(AuditStoreUnavailable e, UriInfo uri) {
        LOG.warnf("Audit store unavailable: %s", e.getMessage());
        return problems.problem(new ProblemException(ProblemType.UNAVAILABLE,
                "The audit store is unavailable; try again later"), uri);
    }
}
