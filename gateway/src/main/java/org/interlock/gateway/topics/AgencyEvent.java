package org.interlock.gateway.topics;

import java.net.URI;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.contracts.catalogue.Category;
import org.interlock.policy.Resource;

/**
 * An event from an agency's topic, once read and checked against the agency's catalogue
 * ({@link AgencyEvents}): its CloudEvents attributes, the category the catalogue gives its type,
 * and its data. The origin is the agency whose topic carried it, never what the event claims.
 *
 * @param person the person it is about (its subject), or null for facts about no person
 */
public record AgencyEvent(String id, String type, URI source, String person, OffsetDateTime time, Category category,
        Classification classification, String handling, String correlationId, String traceparent, Agency origin,
        JsonNode data) {

    /**
     * What policy is asked about: the event described, never its content. An event of a category
     * addressed to an organisation (a referral) names it, as the same record read over REST does:
     * without it no agreement marked {@code addressed} could ever release the event to an inbox.
     */
    public Resource resource() {
        return new Resource(origin, category.name(), classification, handling, person, type, owningOrganisation(),
                addressee());
    }

    /** The partner organisation the event is addressed to, when the category names one. */
    public String addressee() {
        String field = category.addresseeField();
        return field == null ? null : data.path(field).asText(null);
    }

    /** The partner organisation whose record this is, when the category names one. */
    public String owningOrganisation() {
        String field = category.organisationField();
        return field == null ? null : data.path(field).asText(null);
    }
}
