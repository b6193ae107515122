package org.interlock.gateway.federation.outcomes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.contracts.Agency;
import org.interlock.gateway.topics.AgencyEvent;

/**
 * One ended intervention as the tally keeps it: which agency arranged it and its id there (so that the same
 * intervention seen again updates its row), its type, when it ended and how. Nothing that names a person, and no
 * notes or usernames: the event's other fields never reach the tally.
 */
public record EndedIntervention(Agency origin, UUID intervention, String type, LocalDate endedOn, String outcome) {

    /**
     * The arranging agencies' own record of an outcome ({@code org.interlock.<agency>.intervention.outcome-recorded
     * .v1}) is what counts. A partner's record of delivering one names no intervention type, and the arranging
     * agency records the outcome too: counting both would count one intervention twice.
     */
    static final String TYPE_SUFFIX = ".intervention.outcome-recorded.v1";

    /** The ended intervention an event records, if it records one the tally counts. */
    public static Optional<EndedIntervention> of(AgencyEvent event) {
        if (event.origin() != Agency.PRISONS && event.origin() != Agency.PROBATION
                || !("org.interlock." + event.origin().id() + TYPE_SUFFIX).equals(event.type())) {
            return Optional.empty();
        }
        JsonNode data = event.data();
        String status = data.path("status").asText("");
        if (!"COMPLETED".equals(status) && !"NOT_COMPLETED".equals(status)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EndedIntervention(event.origin(), UUID.fromString(data.path("id").asText()),
                    data.path("type").asText(), LocalDate.parse(data.path("endedOn").asText()), status));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // The schema forbids it; an event that is not as its schema says is not counted rather than miscounted.
            return Optional.empty();
        }
    }

    public EndedIntervention {
        if (type == null || !type.matches("[a-z][a-z0-9-]{1,62}")) {
            throw new IllegalArgumentException("an intervention type is a slug");
        }
    }
}
