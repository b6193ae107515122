package org.interlock.gateway.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.contracts.catalogue.Category;
import org.junit.jupiter.api.Test;

/** What policy is asked about an agency event: the same description as the record read over REST. */
class AgencyEventTest {

    private static final String PERSON = "urn:interlock:person:00000000-0000-0000-0000-000000000001";
    private static final Category REFERRAL = new Category("referral", Classification.OFFICIAL,
            List.of("id", "person", "organisation"), "person", null, Category.Handling.NONE, "organisation",
            Map.of(), null, Map.of());
    private static final Category RELEASE = new Category("custody.release", Classification.OFFICIAL_SENSITIVE,
            List.of("id", "person"), "person", null, Category.Handling.NONE);

    /** Without it, an agreement marked addressed never releases a referral to the organisation's inbox. */
    @Test
    void aReferralEventNamesTheOrganisationItIsAddressedTo() {
        ObjectNode data = new ObjectMapper().createObjectNode().put("id", "r1").put("person", PERSON)
                .put("organisation", "horizon-mentoring");

        assertEquals("horizon-mentoring", event(REFERRAL, data).resource().addressee());
    }

    @Test
    void anEventOfACategoryAddressedToNobodyNamesNoAddressee() {
        ObjectNode data = new ObjectMapper().createObjectNode().put("id", "e1").put("person", PERSON)
                .put("organisation", "horizon-mentoring");

        assertNull(event(RELEASE, data).resource().addressee());
    }

    private static AgencyEvent event(Category category, ObjectNode data) {
        return new AgencyEvent("e1", "org.interlock.probation.referral.made.v1", URI.create("/agencies/probation"),
                PERSON, OffsetDateTime.now(), category, category.classification(), null, null, null, Agency.PROBATION,
                data);
    }
}
