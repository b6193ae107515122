package org.interlock.gateway.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.interlock.gateway.policy.ConsentGrant;
import org.interlock.gateway.policy.ConsentView;
import org.jboss.logging.Logger;

/**
 * The gateway's view of consent: the latest state of every consent from the compacted
 * {@code interlock.consents} topic. A withdrawal counts for every decision taken after this
 * replica has read it; the lag from the partners service's commit to here is the outbox relay's
 * publish lag plus one consumer poll.
 */
@ApplicationScoped
public class ConsentCache implements ConsentView {

    private static final Logger LOG = Logger.getLogger(ConsentCache.class);

    /** A consent as far as decisions need it. */
    record Consent(String id, String person, String organisation, List<String> categories, List<String> purposes,
            LocalDate validFrom, LocalDate validUntil, String status, Instant givenAt) {

        boolean covers(String organisation, String category, String purpose, Instant at) {
            LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
            return "ACTIVE".equals(status) && this.organisation.equals(organisation) && purposes.contains(purpose)
                    && !day.isBefore(validFrom) && !day.isAfter(validUntil)
                    && categories.stream().anyMatch(pattern -> matches(pattern, category));
        }

        private static boolean matches(String pattern, String category) {
            return pattern.equals(category) || pattern.equals("*")
                    || pattern.endsWith(".*") && category.startsWith(pattern.substring(0, pattern.length() - 1));
        }
    }

    private final Map<String, Consent> byId = new ConcurrentHashMap<>();
    private final ObjectMapper json;

    public ConsentCache(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Optional<ConsentGrant> activeConsent(String person, String organisation, String category, String purpose,
            Instant at) {
        return byId.values().stream()
                .filter(c -> c.person().equals(person) && c.covers(organisation, category, purpose, at))
                .findFirst()
                .map(c -> new ConsentGrant(c.id(), c.person(), c.organisation(), c.givenAt()));
    }

    @Incoming("consents")
    @SuppressWarnings("unchecked")
    public CompletionStage<Void> apply(Message<String> message) {
        String key = message.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> String.valueOf(m.getKey())).orElse(null);
        if (message.getPayload() == null) {
            if (key != null) {
                byId.remove(key);
            }
            return message.ack();
        }
        try {
            Consent consent = read(json.readTree(message.getPayload()));
            byId.put(consent.id(), consent);
        } catch (Exception e) {
            LOG.warnf("Unreadable consent state skipped (%s)", e.getClass().getSimpleName());
        }
        return message.ack();
    }

    private static Consent read(JsonNode c) {
        return new Consent(c.path("id").asText(), c.path("person").asText(), c.path("organisation").asText(),
                strings(c.path("categories")), strings(c.path("purposes")),
                LocalDate.parse(c.path("validFrom").asText()), LocalDate.parse(c.path("validUntil").asText()),
                c.path("status").asText(),
                LocalDate.parse(c.path("obtainedOn").asText()).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
