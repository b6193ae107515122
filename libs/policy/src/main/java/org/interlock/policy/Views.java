package org.interlock.policy;

/**
 * What the decision point consults besides the policy: the state the agencies' acts have made
 * (who is allocated to whom, referrals, consents, restrictions, organisations, case
 * conferences) and who the staff
 * are. Kept current by the gateway from the agencies' events and Keycloak; each must answer fast
 * (a hash lookup), the decision budget is 2 µs.
 */
public record Views(Caseload caseload, ConsentView consents, Referrals referrals, Restrictions restrictions,
        Organisations organisations, StaffDirectory staff, Conferences conferences) {

    /** Without case conferences: no pre-meeting pack is open to anyone. */
    public Views(Caseload caseload, ConsentView consents, Referrals referrals, Restrictions restrictions,
            Organisations organisations, StaffDirectory staff) {
        this(caseload, consents, referrals, restrictions, organisations, staff, Conferences.NONE);
    }

    /** Only a caseload and consents: no referral, restriction, organisation or member of staff is known. */
    public static Views of(Caseload caseload, ConsentView consents) {
        return new Views(caseload, consents, Referrals.NONE, Restrictions.NONE, Organisations.NONE,
                StaffDirectory.NONE);
    }
}
