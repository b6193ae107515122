package org.interlock.gateway.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.interlock.policy.ConsentGrant;
import org.interlock.policy.ConsentView;
import org.interlock.policy.language.CategoryPattern;
import org.jboss.logging.Logger;

/**
 * The gateway's view of consent: the latest state of every consent from the compacted
 * {@code interlock.consents} topic, read by {@code StateTopicsReader} with the agencies' state
 * topics. A withdrawal counts for every decision taken after this replica has read it; the lag
 * from the partners service's commit to here is the outbox relay's publish lag plus one poll.
 */
@ApplicationScoped
public class ConsentCache implements ConsentView {

    private static final Logger LOG = Logger.getLogger(ConsentCache.class);

    /** A consent as far as decisions need it. */
    record Consent(String id, String person, String organisation, List<CategoryPattern> categories,
            List<String> purposes, LocalDate validFrom, LocalDate validUntil, String status, Instant givenAt) {

        boolean covers(String organisation, String category, String purpose, Instant at) {
            LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
            return "ACTIVE".equals(status) && this.organisation.equals(organisation) && purposes.contains(purpose)
                    && !day.isBefore(validFrom) && !day.isAfter(validUntil)
                    && categories.stream().anyMatch(pattern -> pattern.matches(category));
        }
    }

    /** person -> consent id -> latest state: a decision looks at one person's consents only. */
    private final Map<String, Map<String, Consent>> byPerson = new ConcurrentHashMap<>();
    private final Map<String, String> personOf = new ConcurrentHashMap<>();
    /** Consents withdrawn or expired: final, so a replayed older state never brings one back. */
    private final Set<String> ended = ConcurrentHashMap.newKeySet();
    /** When this replica stopped deciding under each ended consent: after that instant, no decision can use it. */
    private final Map<String, Instant> endedAt = new ConcurrentHashMap<>();
    private final ObjectMapper json;

    public ConsentCache(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Optional<ConsentGrant> activeConsent(String person, String organisation, String category, String purpose,
            Instant at) {
        return byPerson.getOrDefault(person, Map.of()).values().stream()
                .filter(c -> c.covers(organisation, category, purpose, at))
                .findFirst()
                .map(c -> new ConsentGrant(c.id(), c.person(), c.organisation(), c.givenAt()));
    }

    /**
     * Ends a consent now, for every decision from here on: the exchange calls this the moment it
     * reads a withdrawal or an expiry from the partners' events, whichever of the two reaches
     * this replica first.
     */
    public synchronized void end(String consentId) {
        ended.add(consentId);
        forget(consentId);
        endedAt.putIfAbsent(consentId, Instant.now());
    }

    /** When this replica ended the consent (withdrawn or expired), if it has. */
    public Optional<Instant> endedAt(String consentId) {
        return Optional.ofNullable(endedAt.get(consentId));
    }

    /** A record of the consents topic: a consent's latest state, or a tombstone (no value) that forgets it. */
    public void apply(String key, byte[] value) {
        if (value == null) {
            if (key != null) {
                forget(key);
            }
            return;
        }
        try {
            remember(read(json.readTree(value)));
        } catch (Exception e) {
            LOG.warnf("Unreadable consent state skipped (%s)", e.getClass().getSimpleName());
        }
    }

    private synchronized void remember(Consent consent) {
        if (!"ACTIVE".equals(consent.status())) {
            end(consent.id());
            return;
        }
        forget(consent.id());
        if (ended.contains(consent.id())) {
            return;
        }
        personOf.put(consent.id(), consent.person());
        byPerson.computeIfAbsent(consent.person(), p -> new ConcurrentHashMap<>()).put(consent.id(), consent);
    }

    private synchronized void forget(String id) {
        String person = personOf.remove(id);
        if (person != null) {
            byPerson.computeIfPresent(person, (p, consents) -> {
                consents.remove(id);
                return consents.isEmpty() ? null : consents;
            });
        }
    }

    private static Consent read(JsonNode c) {
        return new Consent(c.path("id").asText(), c.path("person").asText(), c.path("organisation").asText(),
                strings(c.path("categories")).stream().map(CategoryPattern::new).toList(), strings(c.path("purposes")),
                LocalDate.parse(c.path("validFrom").asText()), LocalDate.parse(c.path("validUntil").asText()),
                c.path("status").asText(),
                LocalDate.parse(c.path("obtainedOn").asText()).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
