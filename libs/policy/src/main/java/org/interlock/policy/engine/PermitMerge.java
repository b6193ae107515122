package org.interlock.policy.engine;

import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.interlock.contracts.Classification;
import org.interlock.policy.Context;
import org.interlock.policy.Permit;
import org.interlock.policy.ReleasedFields;
import org.interlock.policy.engine.AgreementOutcome.Grant;

/**
 * Merges the grants of several agreements into one permit, deterministically and towards
 * withholding: what is released is what every granting agreement releases (the intersection of
 * their whitelists, the union of their redactions), at the lowest classification any of them
 * releases as. So no agreement's redaction is ever lost because another agreement also applies.
 * The permit cites the first granting agreement by id, and the trail names the others.
 */
final class PermitMerge {

    private PermitMerge() {
    }

    static Permit merge(List<Grant> grants, Context context, Trail trail) {
        List<Grant> ordered = grants.stream().sorted(Comparator.comparing(g -> g.agreement().id())).toList();
        TreeSet<String> redactions = new TreeSet<>();
        List<String> fields = ReleasedFields.WHOLE;
        Classification releasedAs = ordered.getFirst().releasedAs();
        for (Grant grant : ordered) {
            redactions.addAll(grant.agreement().redact());
            fields = ReleasedFields.intersect(fields, grant.agreement().fields());
            releasedAs = grant.releasedAs().atMost(releasedAs) ? grant.releasedAs() : releasedAs;
            trail.note("agreement:" + grant.agreement().id(), describe(grant));
        }
        Grant cited = ordered.getFirst();
        if (ordered.size() > 1) {
            trail.note("merge", ordered.size() + " agreements permit: cited " + cited.agreement().id()
                    + " (first by id); released what all of them release, with the union of their redactions");
        }
        return new Permit(cited.agreement().id(), cited.consentId(), List.copyOf(redactions), fields, releasedAs,
                context.breakGlass(), trail.policyVersion(), trail.steps());
    }

    private static String describe(Grant grant) {
        StringBuilder finding = new StringBuilder("permits on ").append(grant.agreement().legalBasis().text());
        if (grant.consentId() != null) {
            finding.append(" (consent ").append(grant.consentId()).append(')');
        }
        if (grant.conferenceId() != null) {
            finding.append(" (invited to conference ").append(grant.conferenceId()).append(')');
        }
        finding.append(", released as ").append(grant.releasedAs().label());
        if (grant.caseloadBypassed()) {
            finding.append(", caseload bypassed by break-glass");
        }
        return finding.toString();
    }
}
