package org.interlock.gateway.topics;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.contracts.CloudEventExtensions;
import org.interlock.contracts.PersonReference;
import org.interlock.contracts.Topics;
import org.interlock.contracts.catalogue.Category;
import org.interlock.gateway.catalogue.ServiceCatalogues;

/**
 * Reads an agency topic's record as a CloudEvent (binary mode, the CloudEvents SDK) and checks it
 * against the origin's catalogue. What the exchange and the views decide on is only what passed:
 * a type the origin declares, its category and handling code as the catalogue gives them, a
 * classification never below the category's, a subject that is the person the data names, and a
 * valid time. Anything else is rejected with a reason (which names no attribute value: the values
 * may be personal data); the exchange sends it to {@link Topics#GATEWAY_DEAD_LETTER}.
 */
@ApplicationScoped
public class AgencyEvents {

    /** An event read, or why not. */
    public sealed interface Reading {
    }

    public record Valid(AgencyEvent event) implements Reading {
    }

    public record Rejected(String reason) implements Reading {
    }

    private static final String[] REQUIRED = {"ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time"};

    private final ServiceCatalogues catalogues;
    private final ObjectMapper json;

    public AgencyEvents(ServiceCatalogues catalogues, ObjectMapper json) {
        this.catalogues = catalogues;
        this.json = json;
    }

    /** A record of an agency's events topic. */
    public Reading read(String topic, Headers headers, byte[] value) {
        Optional<Agency> origin = Topics.originOf(topic);
        if (origin.isEmpty()) {
            return new Rejected("not an agency events topic");
        }
        return read(origin.get(), headers, value);
    }

    /**
     * A record of an agency's state topic (ADR 0012): the CloudEvent that last changed an entity,
     * checked as on the events topic, under the key {@code <category>:<id>} of the entity it holds
     * (else a later tombstone for that entity would leave it in place). Not for tombstones: they
     * hold no event.
     */
    public Reading readState(String topic, String key, Headers headers, byte[] value) {
        Optional<Agency> origin = Topics.stateOriginOf(topic);
        if (origin.isEmpty()) {
            return new Rejected("not an agency state topic");
        }
        Reading reading = read(origin.get(), headers, value);
        if (reading instanceof Valid valid) {
            AgencyEvent event = valid.event();
            String id = event.data().path("id").asText(null);
            if (id == null || !Topics.stateKey(event.category().name(), id).equals(key)) {
                return new Rejected("key is not the category and id of the state it holds");
            }
        }
        return reading;
    }

    private Reading read(Agency origin, Headers headers, byte[] value) {
        for (String required : REQUIRED) {
            if (text(headers, required) == null) {
                return new Rejected("missing " + required);
            }
        }
        if (value == null) {
            return new Rejected("no data");
        }
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(headers, value).toEvent();
        } catch (RuntimeException e) {
            return new Rejected("not a valid CloudEvent (" + e.getClass().getSimpleName() + ")");
        }
        if (event.getTime() == null) {
            return new Rejected("ce_time is not an RFC 3339 time");
        }
        return checked(origin, event, value);
    }

    private Reading checked(Agency origin, CloudEvent event, byte[] value) {
        Optional<Category> declared = catalogues.categoryOfEvent(origin, event.getType());
        if (declared.isEmpty()) {
            return new Rejected("type not declared in the " + origin.id() + " catalogue");
        }
        Category category = declared.get();
        String claimedCategory = extension(event, CloudEventExtensions.CATEGORY);
        if (claimedCategory != null && !claimedCategory.equals(category.name())) {
            return new Rejected("category disagrees with the catalogue");
        }
        Classification classification = classification(event, category);
        if (classification == null) {
            return new Rejected("classification unknown or below the category's");
        }
        JsonNode data = parse(value);
        if (data == null || !data.isObject()) {
            return new Rejected("data is not a JSON object");
        }
        String person = category.personField() == null ? null : data.path(category.personField()).asText(null);
        if (person != null && (!PersonReference.isValid(person) || !person.equals(event.getSubject()))) {
            return new Rejected("subject is not the person the data names");
        }
        if (category.personField() != null && person == null) {
            return new Rejected("data names no person");
        }
        String handling = handling(category, data);
        if (!Objects.equals(handling, extension(event, CloudEventExtensions.HANDLING))) {
            return new Rejected("handling code disagrees with the catalogue");
        }
        return new Valid(new AgencyEvent(event.getId(), event.getType(), event.getSource(), person, event.getTime(),
                category, classification, handling, extension(event, CloudEventExtensions.CORRELATION_ID),
                extension(event, CloudEventExtensions.TRACEPARENT), origin, data));
    }

    private static Classification classification(CloudEvent event, Category category) {
        String label = extension(event, CloudEventExtensions.CLASSIFICATION);
        if (label == null) {
            return category.classification();
        }
        try {
            Classification claimed = Classification.fromLabel(label);
            return category.classification().atMost(claimed) ? claimed : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String handling(Category category, JsonNode data) {
        Category.Handling handling = category.handling();
        return handling.field() != null ? data.path(handling.field()).asText(null) : handling.code();
    }

    private JsonNode parse(byte[] value) {
        try {
            return json.readTree(value);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String extension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }

    /** A header's value as text, or null. */
    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
