package org.interlock.gateway.policy.engine;

import static org.interlock.contracts.Agency.PARTNERS;
import static org.interlock.contracts.Classification.OFFICIAL;
import static org.interlock.gateway.policy.PolicyFixtures.engine;
import static org.interlock.gateway.policy.PolicyFixtures.fred;
import static org.interlock.gateway.policy.PolicyFixtures.mia;
import static org.interlock.gateway.policy.PolicyFixtures.policy;
import static org.interlock.gateway.policy.PolicyFixtures.read;
import static org.interlock.gateway.policy.PolicyFixtures.reasonOf;
import static org.interlock.gateway.policy.PolicyFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.interlock.gateway.policy.Action;
import org.interlock.gateway.policy.DenyReason;
import org.interlock.gateway.policy.Permit;
import org.interlock.gateway.policy.Resource;
import org.junit.jupiter.api.Test;

/** Partner organisations share the partners agency, not each other's records. */
class PartnerOwnershipTest {

    private static final String PERSON = "urn:interlock:person:0b8a3f0e-5c55-4d0e-9a57-3f1b2b7d9c01";

    private static Resource activityOf(String organisation) {
        return new Resource(PARTNERS, "partner.activity", OFFICIAL, null, PERSON, "activity", organisation);
    }

    @Test
    void aCaseworkerReadsHerOwnOrganisationsRecords() {
        assertInstanceOf(Permit.class, engine(policy())
                .decide(read(mia(), activityOf("horizon-mentoring"), "resettlement")));
    }

    @Test
    void aCaseworkerOfAnotherOrganisationNeitherReadsNorWritesThem() {
        assertEquals(DenyReason.NO_AGREEMENT, reasonOf(engine(policy())
                .decide(read(fred(), activityOf("horizon-mentoring"), "resettlement"))));
        assertEquals(DenyReason.WRITE_NOT_OWNER, reasonOf(engine(policy())
                .decide(request(fred(), Action.WRITE, activityOf("horizon-mentoring"), "resettlement"))));
    }
}
