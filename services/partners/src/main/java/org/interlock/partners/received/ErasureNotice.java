package org.interlock.partners.received;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.agency.inbox.InboxEvent;
import org.interlock.agency.inbox.UnprocessableEvent;
import org.interlock.contracts.PersonReference;

/**
 * The gateway's request that an organisation erase what it received about a person under a
 * consent that has ended: {@code events} are the source event ids of those copies.
 */
record ErasureNotice(UUID notice, String organisation, String consent, String person, String reason,
        List<String> events) {

    static final String TYPE = "org.interlock.gateway.erasure.requested.v1";

    private static final Set<String> REASONS = Set.of("consent-withdrawn", "consent-expired");

    static ErasureNotice of(InboxEvent event) {
        JsonNode data = event.data();
        String organisation = text(data, "organisation");
        // A notice must be addressed to the organisation it is about, and be about the person it is keyed by.
        if (!organisation.equals(event.extension(RoutingExtensions.RECIPIENT))) {
            throw new UnprocessableEvent("erasure notice whose organisation is not its recipient");
        }
        String person = text(data, "person");
        if (!PersonReference.isValid(person) || !person.equals(event.subject())) {
            throw new UnprocessableEvent("erasure notice whose person is not its subject");
        }
        String reason = text(data, "reason");
        if (!REASONS.contains(reason)) {
            throw new UnprocessableEvent("erasure notice with an unknown reason");
        }
        return new ErasureNotice(uuid(text(data, "notice")), organisation, text(data, "consent"), person, reason,
                events(data.path("events")));
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new UnprocessableEvent("erasure notice without " + field);
        }
        return value.asText();
    }

    private static UUID uuid(String notice) {
        try {
            return UUID.fromString(notice);
        } catch (IllegalArgumentException e) {
            throw new UnprocessableEvent("erasure notice id is not a UUID");
        }
    }

    private static List<String> events(JsonNode events) {
        if (!events.isArray()) {
            throw new UnprocessableEvent("erasure notice without events");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : events) {
            if (!id.isTextual() || id.asText().isBlank()) {
                throw new UnprocessableEvent("erasure notice with an event id that is not text");
            }
            ids.add(id.asText());
        }
        return List.copyOf(ids);
    }
}
