package org.interlock.agency.plan;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.agency.inbox.InboxEvent;
import org.interlock.agency.inbox.UnprocessableEvent;

/** A hand-over at release as the agency on licence receives it: which plan, at which version, about whom, when. */
record PlanHandOver(UUID plan, String person, int version, LocalDate handedOverOn) {

    static PlanHandOver of(InboxEvent event) {
        JsonNode data = event.data();
        if (!event.subject().equals(data.path("person").asText(null))) {
            throw new UnprocessableEvent("sentence plan hand-over about another person than its subject");
        }
        if (!data.path("version").canConvertToInt() || data.path("version").asInt() < 1) {
            throw new UnprocessableEvent("sentence plan hand-over without a version");
        }
        try {
            return new PlanHandOver(UUID.fromString(data.path("id").asText("")), event.subject(),
                    data.path("version").asInt(), LocalDate.parse(data.path("handedOverOn").asText("")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new UnprocessableEvent("sentence plan hand-over whose id or date cannot be read");
        }
    }
}
