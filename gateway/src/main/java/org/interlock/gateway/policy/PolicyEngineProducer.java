package org.interlock.gateway.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.interlock.gateway.caseload.AllocationCaseload;
import org.interlock.gateway.conferences.ConferenceView;
import org.interlock.gateway.consent.ConsentCache;
import org.interlock.gateway.organisations.OrganisationDirectory;
import org.interlock.gateway.people.PersonLinksView;
import org.interlock.gateway.referrals.ReferralView;
import org.interlock.gateway.restrictions.RestrictionView;
import org.interlock.policy.PolicyEngine;
import org.interlock.policy.StaffDirectory;
import org.interlock.policy.Views;
import org.interlock.policy.engine.InterlockPolicyEngine;
import org.interlock.policy.engine.LinkedPolicyEngine;
import org.interlock.policy.loading.PolicyStore;

/**
 * The decision point the gateway enforces: the policy in force, and the views the agencies' acts
 * have made (caseloads, consents, referrals, restrictions, organisations, case conferences) with
 * the staff directory, over the identities the person index has linked.
 */
@ApplicationScoped
public class PolicyEngineProducer {

    @Produces
    @Singleton
    PolicyEngine policyEngine(PolicyStore store, AllocationCaseload caseload, ConsentCache consents,
            ReferralView referrals, RestrictionView restrictions, OrganisationDirectory organisations,
            StaffDirectory staff, PersonLinksView links, ConferenceView conferences) {
        // Over the person index's links (ADR 0014): restrictions of every linked reference hold for all.
        Views views = new Views(caseload, consents, referrals, LinkedPolicyEngine.restrictions(restrictions, links),
                organisations, staff, conferences);
        return new LinkedPolicyEngine(new InterlockPolicyEngine(store::current, views), links);
    }
}
