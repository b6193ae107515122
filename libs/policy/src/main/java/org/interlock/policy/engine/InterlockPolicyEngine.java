package org.interlock.policy.engine;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.interlock.policy.Decision;
import org.interlock.policy.DecisionRequest;
import org.interlock.policy.Deny;
import org.interlock.policy.DenyReason;
import org.interlock.policy.Action;
import org.interlock.policy.Permit;
import org.interlock.policy.Views;
import org.interlock.policy.PolicyEngine;
import org.interlock.policy.TrailStep;
import org.interlock.policy.language.Policy;

/**
 * Interlock's own decision point: pure, in-process and fast enough to sit in every request and on
 * every routed event. Order: screen (incomplete request, subject, purpose, break-glass, explicit
 * deny rules) → the owning agency's own staff → the sharing agreements → default deny. Fails closed:
 * no policy in force, or anything thrown while deciding, is a {@link DenyReason#POLICY_ERROR}.
 */
public final class InterlockPolicyEngine implements PolicyEngine {

    private final Supplier<Policy> policy;
    private final Views views;
    private final AgreementDecision agreements;

    /**
     * @param policy the policy in force, read once per decision (e.g. {@code PolicyStore::current});
     *               may supply null, which denies everything
     * @param views  the state the agencies' acts have made, and the staff
     */
    public InterlockPolicyEngine(Supplier<Policy> policy, Views views) {
        this.policy = policy;
        this.views = views;
        this.agreements = new AgreementDecision(new AgreementCheck(views));
    }

    @Override
    public Decision decide(DecisionRequest request) {
        Policy current;
        try {
            current = policy.get();
        } catch (RuntimeException e) {
            return failClosed("unknown", "the policy could not be read: " + e.getClass().getSimpleName());
        }
        if (current == null) {
            return failClosed("none", "no policy in force");
        }
        try {
            return evaluate(current, request);
        } catch (RuntimeException e) {
            // Only the exception's class: its message may quote the request's data.
            return failClosed(current.version(), "evaluation failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public boolean knownPurpose(String purpose) {
        try {
            Policy current = policy.get();
            return current != null && purpose != null && current.purposes().contains(purpose);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Decision evaluate(Policy current, DecisionRequest request) {
        Trail trail = new Trail(current.version());
        Optional<Deny> refused = Screening.screen(current, views, request, trail);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (request.action() == Action.WRITE) {
            return change(current, request, trail);
        }
        Optional<Decision> owner = OwnerAccess.decide(current, request, trail);
        if (owner.isPresent()) {
            return owner.get();
        }
        return agreements.decide(current, request, trail);
    }

    /** A change: the owner's to make (or, for organisations, the managers'), with the authority it needs. */
    private Decision change(Policy current, DecisionRequest request, Trail trail) {
        Decision allowed = GovernedChange.crossAgency(request)
                ? OwnerAccess.withinClearance(request, trail, "a change governed across agencies")
                : OwnerAccess.decide(current, request, trail).orElseThrow();
        if (!(allowed instanceof Permit)) {
            return allowed;
        }
        Optional<Deny> refused = GovernedChange.check(current, views, request, trail);
        return refused.isPresent() ? refused.get() : allowed;
    }

    private static Deny failClosed(String version, String finding) {
        return new Deny(DenyReason.POLICY_ERROR, version, List.of(new TrailStep("engine", finding)));
    }
}
