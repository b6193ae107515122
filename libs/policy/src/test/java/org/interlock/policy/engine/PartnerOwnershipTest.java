package org.interlock.policy.engine;

import static org.interlock.contracts.Agency.PARTNERS;
import static org.interlock.contracts.Classification.OFFICIAL;
import static org.interlock.policy.PolicyFixtures.engine;
import static org.interlock.policy.PolicyFixtures.fred;
import static org.interlock.policy.PolicyFixtures.mia;
import static org.interlock.policy.PolicyFixtures.policy;
import static org.interlock.policy.PolicyFixtures.read;
import static org.interlock.policy.PolicyFixtures.reasonOf;
import static org.interlock.policy.PolicyFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.interlock.policy.Action;
import org.interlock.policy.DenyReason;
import org.interlock.policy.Permit;
import org.interlock.policy.Resource;
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
