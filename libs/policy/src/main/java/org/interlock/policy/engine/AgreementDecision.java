package org.interlock.policy.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.interlock.policy.Decision;
import org.interlock.policy.DecisionRequest;
import org.interlock.policy.DenyReason;
import org.interlock.policy.engine.AgreementOutcome.Grant;
import org.interlock.policy.engine.AgreementOutcome.Refusal;
import org.interlock.policy.language.Policy;
import org.interlock.policy.language.SharingAgreement;

/**
 * Decides a request by the sharing agreements: every candidate (same origin, matching recipient)
 * is checked; if any grants, the grants are merged; if none, the refusal that got furthest gives
 * the reason; if there is no candidate at all, NO_AGREEMENT. Default deny.
 */
final class AgreementDecision {

    private static final Comparator<Refusal> FURTHEST_FIRST = Comparator
            .comparing((Refusal r) -> r.failed().ordinal()).reversed()
            .thenComparing(r -> r.agreement().id());

    private final AgreementCheck check;

    AgreementDecision(AgreementCheck check) {
        this.check = check;
    }

    Decision decide(Policy policy, DecisionRequest request, Trail trail) {
        List<Grant> grants = new ArrayList<>(2);
        List<Refusal> refusals = new ArrayList<>(2);
        for (SharingAgreement agreement : policy.agreements()) {
            if (!check.isCandidate(agreement, request)) {
                continue;
            }
            switch (check.evaluate(agreement, policy, request)) {
                case Grant grant -> grants.add(grant);
                case Refusal refusal -> refusals.add(refusal);
            }
        }
        if (!grants.isEmpty()) {
            return PermitMerge.merge(grants, request.context(), trail);
        }
        return refuse(refusals, trail);
    }

    private static Decision refuse(List<Refusal> refusals, Trail trail) {
        if (refusals.isEmpty()) {
            return trail.deny(DenyReason.NO_AGREEMENT, "agreements", "no agreement from this origin to this recipient");
        }
        refusals.sort(FURTHEST_FIRST);
        for (Refusal refusal : refusals) {
            if (refusal.failed() != Check.CATEGORY) {
                trail.note("agreement:" + refusal.agreement().id(), refusal.why());
            }
        }
        Refusal furthest = refusals.getFirst();
        if (furthest.failed() == Check.CATEGORY) {
            return trail.deny(DenyReason.NO_AGREEMENT, "agreements", "no agreement covers this category");
        }
        return trail.deny(furthest.failed().reason(), "agreements",
                "furthest: agreement " + furthest.agreement().id() + " " + furthest.why());
    }
}
