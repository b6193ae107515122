package org.interlock.policy.engine;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.interlock.policy.Caseload;
import org.interlock.policy.ConsentView;
import org.interlock.policy.Decision;
import org.interlock.policy.DecisionRequest;
import org.interlock.policy.Deny;
import org.interlock.policy.DenyReason;
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
    private final AgreementDecision agreements;

    /**
     * @param policy the policy in force, read once per decision (e.g. {@code PolicyStore::current});
     *               may supply null, which denies everything
     */
    public InterlockPolicyEngine(Supplier<Policy> policy, Caseload caseload, ConsentView consents) {
        this.policy = policy;
        this.agreements = new AgreementDecision(new AgreementCheck(caseload, consents));
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
        Optional<Deny> refused = Screening.screen(current, request, trail);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<Decision> owner = OwnerAccess.decide(current, request, trail);
        if (owner.isPresent()) {
            return owner.get();
        }
        return agreements.decide(current, request, trail);
    }

    private static Deny failClosed(String version, String finding) {
        return new Deny(DenyReason.POLICY_ERROR, version, List.of(new TrailStep("engine", finding)));
    }
}
