package org.interlock.policy.language;

import java.util.List;
import java.util.Set;

import org.interlock.contracts.Agency;
import org.interlock.policy.Principal;

/**
 * One version of the need-to-know policy, as loaded from a reviewed file. Immutable: a reload
 * swaps the whole policy, so a decision always sees one consistent version.
 *
 * @param version         cited by every decision and audit record
 * @param purposes        the purposes of use callers may declare
 * @param categories      the sharing categories patterns may name (a typo is a load error, not a silent miss)
 * @param staffRoles      the roles of an agency's caseworking staff: they read and write their own
 *                        agency's data and are the recipients of agreements that name no roles;
 *                        anyone else (analysts, auditors) sees only what an agreement naming their role gives
 * @param breakGlassRoles who may invoke break-glass (bypasses caseload only)
 * @param agreements      in file order; the engine cites them by id
 * @param denyRules       prohibitions that override everything
 * @param governance      who may grant access to whom (allocations, referrals, restrictions, organisations)
 */
public record Policy(String version, Set<String> purposes, Set<String> categories, Set<String> staffRoles,
        Set<String> breakGlassRoles, List<SharingAgreement> agreements, List<DenyRule> denyRules,
        Governance governance) {

    /** A policy in which nobody holds the authority to grant access. */
    public Policy(String version, Set<String> purposes, Set<String> categories, Set<String> staffRoles,
            Set<String> breakGlassRoles, List<SharingAgreement> agreements, List<DenyRule> denyRules) {
        this(version, purposes, categories, staffRoles, breakGlassRoles, agreements, denyRules, Governance.NONE);
    }

    public Policy {
        purposes = Set.copyOf(purposes);
        categories = Set.copyOf(categories);
        staffRoles = Set.copyOf(staffRoles);
        breakGlassRoles = Set.copyOf(breakGlassRoles);
        agreements = List.copyOf(agreements);
        denyRules = List.copyOf(denyRules);
        governance = governance == null ? Governance.NONE : governance;
    }

    /**
     * Whether the policy says anything about releasing {@code category} from {@code origin} to
     * {@code recipient}: an agreement that covers it, or a deny rule aimed at it. Where it says
     * nothing, no purpose, consent or referral can release it and no refusal names the recipient:
     * the exchange does not put the event to the decision point for that inbox (ADR 0013).
     */
    /**
     * The handling conditions the agreement {@code agreementId} sends to its peer; the strictest when it is not an
     * agreement to a peer of this policy (fail closed).
     */
    public PeerConditions peerConditionsOf(String agreementId) {
        for (SharingAgreement agreement : agreements) {
            if (agreement.id().equals(agreementId) && agreement.peerConditions() != null) {
                return agreement.peerConditions();
            }
        }
        return PeerConditions.ASK_FIRST;
    }

    public boolean addresses(Agency origin, Principal recipient, String category) {
        for (SharingAgreement agreement : agreements) {
            if (agreement.from() == origin && agreement.covers(category) && agreement.to().matches(recipient)) {
                return true;
            }
        }
        for (DenyRule rule : denyRules) {
            if (rule.aimsAt(origin, recipient, category)) {
                return true;
            }
        }
        return false;
    }
}
