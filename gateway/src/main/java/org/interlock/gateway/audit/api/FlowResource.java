package org.interlock.gateway.audit.api;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interlock.gateway.audit.AuditTrail;
import org.interlock.gateway.audit.Evidence;
import org.interlock.gateway.audit.RequestTrace;
import org.interlock.gateway.audit.store.FlowStore;
import org.interlock.gateway.identity.CallerPrincipal;
import org.interlock.policy.language.Policy;
import org.interlock.policy.language.SharingAgreement;
import org.interlock.policy.loading.PolicyStore;
import org.interlock.platform.problem.Validation;

/**
 * For auditors only: how many disclosures went from which agency to which agency or organisation,
 * under which agreement, over a period. Counts only; the query is audited like every other.
 */
@Path("/audit/v1/flows")
@RolesAllowed("auditor")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class FlowResource {

    /** The longest period asked about at once: the counts are computed from the log's rows on each ask. */
    static final Duration MAX_PERIOD = Duration.ofDays(92);

    private final FlowStore flows;
    private final PolicyStore policies;
    private final AuditTrail audit;
    private final CallerPrincipal caller;

    public FlowResource(FlowStore flows, PolicyStore policies, AuditTrail audit, CallerPrincipal caller) {
        this.flows = flows;
        this.policies = policies;
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Disclosures between agencies and organisations per agreement over [from, to), at most 92 days")
    public FlowViews.FlowPeriod flows(@QueryParam("from") String from, @QueryParam("to") String to,
            @HeaderParam("X-Correlation-Id") String correlation) throws SQLException {
        Instant start = RecordQueryParams.time(required(from, "from"), "from");
        Instant end = RecordQueryParams.time(required(to, "to"), "to");
        if (!end.isAfter(start)) {
            throw Validation.invalid("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw Validation.invalid("to", "must be at most " + MAX_PERIOD.toDays() + " days after from");
        }
        audit.recordAndWait(List.of(Evidence.auditQuery(Evidence.actor(caller.principal(), caller.client()),
                "flows?from=" + start + "&to=" + end, null, RequestTrace.of(correlation, null))));
        List<FlowViews.Flow> counted = flows.between(start, end).stream().map(this::view).toList();
        return new FlowViews.FlowPeriod(start, end, counted.stream().mapToLong(FlowViews.Flow::count).sum(), counted);
    }

    private FlowViews.Flow view(FlowStore.CountedFlow flow) {
        return new FlowViews.Flow(origin(flow.agreement()), flow.org() == null ? flow.agency() : "org:" + flow.org(),
                flow.agreement(), flow.onConsent() ? "consent" : "agreement", flow.count(), flow.breakGlass());
    }

    /** The origin the agreement in force names; the log records the agreement, not the origin. */
    private String origin(String agreement) {
        Policy policy = policies.current();
        if (policy == null) {
            return null;
        }
        return policy.agreements().stream().filter(a -> a.id().equals(agreement)).findFirst()
                .map(SharingAgreement::from).map(org.interlock.contracts.Agency::id).orElse(null);
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw Validation.invalid(field, "is required");
        }
        return value;
    }
}
