package org.interlock.gateway.policy.api;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.gateway.audit.AuditTrail;
import org.interlock.gateway.audit.Evidence;
import org.interlock.gateway.audit.RequestTrace;
import org.interlock.gateway.enforcement.PurposeOfUse;
import org.interlock.gateway.identity.CallerPrincipal;
import org.interlock.gateway.policy.TriggerRuleStore;
import org.interlock.policy.Action;
import org.interlock.policy.Context;
import org.interlock.policy.Decision;
import org.interlock.policy.DecisionRequest;
import org.interlock.policy.Deny;
import org.interlock.policy.Permit;
import org.interlock.policy.PolicyEngine;
import org.interlock.policy.Principal;
import org.interlock.policy.Resource;
import org.interlock.policy.language.CategoryPattern;
import org.interlock.policy.language.Policy;
import org.interlock.policy.language.SharingAgreement;
import org.interlock.policy.loading.PolicyCandidate;
import org.interlock.policy.loading.PolicyDiff;
import org.interlock.policy.loading.PolicyStore;
import org.interlock.triggers.language.TriggerRules;
import org.interlock.policy.loading.PolicyException;
import org.interlock.platform.problem.Problem;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;
import org.interlock.platform.problem.Validation;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * For policy administrators: what the decision point would decide, and why, without seeing the
 * data it would be about; and which agreements are in force.
 */
@Path("/policy/v1")
@RolesAllowed("policy-admin")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private static final Logger LOG = Logger.getLogger(PolicyResource.class);
    private static final java.util.regex.Pattern DIGEST = java.util.regex.Pattern.compile("sha256:[0-9a-f]{64}");

    private final PolicyEngine engine;
    private final PolicyStore store;
    private final CallerPrincipal caller;
    private final AuditTrail audit;
    private final TriggerRuleStore triggers;

    public PolicyResource(PolicyEngine engine, PolicyStore store, CallerPrincipal caller, AuditTrail audit,
            TriggerRuleStore triggers) {
        this.engine = engine;
        this.store = store;
        this.caller = caller;
        this.audit = audit;
        this.triggers = triggers;
    }

    /** A decision asked for is a decision taken: it is audited like any other, as DECIDE. */
    @POST
    @Path("/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PolicyQueries.DecisionView> decide(@Valid @NotNull PolicyQueries.DecisionQuery query,
            @HeaderParam("X-Correlation-Id") String correlation, @HeaderParam("traceparent") String traceparent) {
        PurposeOfUse.require(query.purpose(), engine);
        Resource resource = resource(query.resource());
        Context context = new Context(query.purpose(), query.breakGlassReason(), Instant.now());
        Decision decision = engine.decide(new DecisionRequest(principal(query.subject()), Action.fromId(query.action()),
                resource, context));
        return audit.record(List.of(Evidence.of(org.interlock.audit.record.Action.DECIDE,
                        Evidence.actor(caller.principal(), caller.client()), Evidence.resource(resource, null), context,
                        decision, List.of(), RequestTrace.of(correlation, traceparent))))
                .replaceWith(view(decision));
    }

    /**
     * Loads the policy files again, the review-trigger rules beside it with them (ADR 0015). A file
     * that does not load is answered 422 with where and what (file:line: problem), and the policy
     * and rules in force stay in force: the rules are read first and put in force only with the policy.
     * With {@code candidate} (the digest a preview answered), a policy file that is no longer that
     * text is refused 409 and nothing changes: what was reviewed is what goes in force, or nothing.
     */
    @POST
    @Path("/reload")
    @Blocking
    @Operation(summary = "Put the policy file in force again; with candidate, only the text previewed")
    public Uni<PolicyQueries.Reloaded> reload(@QueryParam("candidate") String candidate,
            @HeaderParam("X-Correlation-Id") String correlation, @HeaderParam("traceparent") String traceparent) {
        String expected = digest(candidate);
        String before = versionInForce();
        RequestTrace trace = RequestTrace.of(correlation, traceparent);
        try {
            TriggerRules rules = triggers.read();
            PolicyCandidate loaded = store.load();
            if (expected != null && !expected.equals(loaded.digest())) {
                return refuse(loaded.policy().version(), before, "candidate-changed", trace,
                        new ProblemException(ProblemType.CONFLICT, "The policy file changed since it was previewed ("
                                + expected + ", now " + loaded.digest() + "); version " + before
                                + " stays in force: preview it again"));
            }
            Policy inForce = store.putInForce(loaded);
            triggers.putInForce(rules);
            LOG.infof("Policy reloaded: version %s (was %s)", inForce.version(), before);
            return audit.record(List.of(policyChange(inForce.version(), inForce.version(),
                            org.interlock.audit.record.Decision.permit("reloaded"), trace)))
                    .replaceWith(new PolicyQueries.Reloaded(inForce.version(), before, loaded.digest()));
        } catch (PolicyException e) {
            LOG.warnf("Policy reload refused; version %s stays in force", before);
            return refuse(null, before, "invalid-policy", trace, doesNotLoad(e, before));
        }
    }

    /**
     * What a reload would put in force now, and how it differs from the policy in force, without
     * putting anything in force: the files are loaded and checked exactly as a reload loads them.
     * Audited as a POLICY_CHANGE "previewed" (or "invalid-policy"), like the reload it prepares.
     */
    @GET
    @Path("/reload/preview")
    @Blocking
    @Operation(summary = "What a reload would change, without changing anything")
    public Uni<PolicyQueries.ReloadPreview> preview(@HeaderParam("X-Correlation-Id") String correlation,
            @HeaderParam("traceparent") String traceparent) {
        Policy current = store.current();
        String before = versionInForce();
        RequestTrace trace = RequestTrace.of(correlation, traceparent);
        try {
            triggers.read();
            PolicyCandidate loaded = store.load();
            PolicyDiff diff = PolicyDiff.between(current, loaded.policy());
            return audit.record(List.of(policyChange(loaded.policy().version(), before,
                            org.interlock.audit.record.Decision.permit("previewed"), trace)))
                    .replaceWith(new PolicyQueries.ReloadPreview(before, loaded.policy().version(), loaded.digest(),
                            diff.none(), diff));
        } catch (PolicyException e) {
            return refuse(null, before, "invalid-policy", trace, doesNotLoad(e, before));
        }
    }

    private <T> Uni<T> refuse(String loaded, String inForce, String reason, RequestTrace trace,
            ProblemException refusal) {
        return audit.record(List.of(policyChange(loaded, inForce, org.interlock.audit.record.Decision.deny(reason),
                        trace)))
                .onItem().transformToUni(recorded -> Uni.createFrom().failure(refusal));
    }

    private static ProblemException doesNotLoad(PolicyException e, String inForce) {
        return new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED,
                "The policy does not load; version " + inForce + " stays in force")
                .withErrors(List.of(new Problem.FieldError(e.file() + ":" + e.line(), e.getMessage()))));
    }

    /** The digest a preview answered, checked at the edge; null when none was given. */
    private static String digest(String candidate) {
        if (candidate != null && !DIGEST.matcher(candidate).matches()) {
            throw Validation.invalid("candidate", "must be the digest a preview answered: sha256:<64 hex digits>");
        }
        return candidate;
    }

    private String versionInForce() {
        return store.current() == null ? null : store.current().version();
    }

    private org.interlock.audit.record.AuditRecord policyChange(String loaded, String inForce,
            org.interlock.audit.record.Decision outcome, RequestTrace trace) {
        return Evidence.policyChange(Evidence.actor(caller.principal(), caller.client()), loaded, inForce, outcome,
                trace, Instant.now());
    }

    @GET
    @Path("/agreements")
    public PolicyQueries.AgreementsView agreements() {
        Policy policy = store.current();
        return new PolicyQueries.AgreementsView(policy.version(),
                policy.agreements().stream().map(PolicyResource::view).toList());
    }

    private static Principal principal(PolicyQueries.Subject s) {
        return new Principal(s.username(), s.agency(), s.org(), s.roles(),
                s.clearance() == null ? null : classification("subject.clearance", s.clearance()));
    }

    private static Resource resource(PolicyQueries.Target t) {
        Agency origin;
        try {
            origin = Agency.fromId(t.origin());
        } catch (IllegalArgumentException e) {
            throw Validation.invalid("resource.origin", "must be prisons, probation, intelligence or partners");
        }
        return new Resource(origin, t.category(), classification("resource.classification", t.classification()),
                t.handling(), t.person(), t.type());
    }

    private static Classification classification(String field, String label) {
        try {
            return Classification.fromLabel(label);
        } catch (IllegalArgumentException e) {
            throw Validation.invalid(field, "must be official, official-sensitive or secret");
        }
    }

    private static PolicyQueries.DecisionView view(Decision decision) {
        return switch (decision) {
            case Permit p -> new PolicyQueries.DecisionView("permit", null, p.agreementId(), p.consentId(),
                    p.redactions(), p.fields(), p.releasedAs() == null ? null : p.releasedAs().label(), p.breakGlass(),
                    p.policyVersion(), steps(p.trail()));
            case Deny d -> new PolicyQueries.DecisionView("deny", d.reason().name(), null, null, List.of(), List.of(),
                    null, false, d.policyVersion(), steps(d.trail()));
        };
    }

    private static List<PolicyQueries.Step> steps(List<org.interlock.policy.TrailStep> trail) {
        return trail.stream().map(t -> new PolicyQueries.Step(t.rule(), t.finding())).toList();
    }

    private static PolicyQueries.AgreementView view(SharingAgreement a) {
        return new PolicyQueries.AgreementView(a.id(), a.from().id(), a.to().id(),
                a.categories().stream().map(CategoryPattern::text).toList(), a.purposes(),
                a.maxClassification().label(), a.legalBasis().text(), a.redact(), a.fields(),
                a.releaseAs() == null ? null : a.releaseAs().label(),
                a.validFrom() == null ? null : a.validFrom().toString(),
                a.validUntil() == null ? null : a.validUntil().toString());
    }
}
