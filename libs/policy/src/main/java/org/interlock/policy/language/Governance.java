package org.interlock.policy.language;

import java.util.Set;

/**
 * Who may grant access to whom: the roles whose holders' acts widen someone's access. Nobody can
 * widen their own access, or another's, by a sequence of writes they are allowed to make unless
 * they hold the role named here (ADR 0011). Empty sets grant the authority to nobody.
 *
 * @param allocatedBy            who allocate their own agency's (and organisation's) staff to persons
 * @param selfAllocation         roles whose holders may allocate themselves
 * @param referralsAnsweredBy    who accept or decline, for their organisation, a referral made to it
 * @param restrictedBy           who restrict their agency's records about a person to named staff, and lift it
 * @param organisationsManagedBy who register, suspend and reinstate partner organisations
 * @param conferencesConvenedBy  who convene case conferences, and so invite staff of other agencies
 *                               and organisations to read the pre-meeting pack
 */
public record Governance(Set<String> allocatedBy, Set<String> selfAllocation, Set<String> referralsAnsweredBy,
        Set<String> restrictedBy, Set<String> organisationsManagedBy, Set<String> conferencesConvenedBy) {

    /** Nobody holds any authority. */
    public static final Governance NONE = new Governance(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    /** Without case conferences: nobody convenes one. */
    public Governance(Set<String> allocatedBy, Set<String> selfAllocation, Set<String> referralsAnsweredBy,
            Set<String> restrictedBy, Set<String> organisationsManagedBy) {
        this(allocatedBy, selfAllocation, referralsAnsweredBy, restrictedBy, organisationsManagedBy, Set.of());
    }

    public Governance {
        allocatedBy = Set.copyOf(allocatedBy);
        selfAllocation = Set.copyOf(selfAllocation);
        referralsAnsweredBy = Set.copyOf(referralsAnsweredBy);
        restrictedBy = Set.copyOf(restrictedBy);
        organisationsManagedBy = Set.copyOf(organisationsManagedBy);
        conferencesConvenedBy = Set.copyOf(conferencesConvenedBy);
    }
}
