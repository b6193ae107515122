package org.interlock.gateway.exchange;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.CanonicalEncoding;
import org.interlock.audit.record.Decision;
import org.interlock.audit.record.Resource;
import org.interlock.contracts.Agency;
import org.interlock.gateway.audit.store.AuditStore;
import org.interlock.gateway.audit.store.AuditStoreUnavailable;
import org.interlock.gateway.audit.store.RecordFilter;
import org.interlock.gateway.audit.store.StoredRecord;
import org.interlock.gateway.consent.ConsentCache;
import org.interlock.gateway.topics.AgencyEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.interlock.contracts.CloudEventExtensions;

/**
 * When a consent ends (withdrawn or expired), nothing more is disclosed under it from the moment
 * this replica reads the end, and every recipient that received something under it gets an
 * erasure notice listing exactly what, taken from the audit trail. The partners service erases
 * and confirms; the confirmation is recorded too.
 */
@ApplicationScoped
public class Erasure {

    static final String REQUESTED = "org.interlock.gateway.erasure.requested.v1";
    static final String CONFIRMED = "org.interlock.partners.erasure.confirmed.v1";
    private static final Set<String> CONSENT_ENDED = Set.of("org.interlock.partners.consent.withdrawn.v1",
            "org.interlock.partners.consent.expired.v1");
    private static final int PAGE = 1000;

    /** Notices to send and the evidence to record first. */
    public record Outcome(List<ProducerRecord<String, byte[]>> notices, List<AuditRecord> evidence) {
        static final Outcome NONE = new Outcome(List.of(), List.of());
    }

    private final ConsentCache consents;
    private final AuditStore audit;
    private final ObjectMapper json;

    public Erasure(ConsentCache consents, AuditStore audit, ObjectMapper json) {
        this.consents = consents;
        this.audit = audit;
        this.json = json;
    }

    /**
     * Whether handling this event reads the audit trail: the caller makes every record decided
     * before it durable first, so that a notice lists even what was routed a moment earlier.
     */
    public boolean readsHistory(AgencyEvent event) {
        return event.origin() == Agency.PARTNERS && CONSENT_ENDED.contains(event.type());
    }

    public Outcome on(AgencyEvent event) {
        if (event.origin() != Agency.PARTNERS) {
            return Outcome.NONE;
        }
        if (CONSENT_ENDED.contains(event.type())) {
            String consent = event.data().path("id").asText();
            consents.end(consent);
            return notices(consent, event);
        }
        if (CONFIRMED.equals(event.type())) {
            return new Outcome(List.of(), List.of(confirmation(event)));
        }
        return Outcome.NONE;
    }

    private Outcome notices(String consent, AgencyEvent ended) {
        Map<Inbox, Set<String>> received = receivedUnder(consent);
        List<ProducerRecord<String, byte[]>> notices = new ArrayList<>();
        List<AuditRecord> evidence = new ArrayList<>();
        String reason = ended.type().endsWith(".withdrawn.v1") ? "consent-withdrawn" : "consent-expired";
        received.forEach((recipient, events) -> {
            String notice = UUID.nameUUIDFromBytes(("interlock-erasure:" + consent + ":" + recipient.id())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
            notices.add(notice(notice, recipient, consent, ended, reason, events));
            evidence.add(AuditRecord.builder(Instant.now(), recipient.actor(), Action.ERASURE_REQUESTED,
                            Decision.permit(reason))
                    .resource(new Resource("erasure-notice", notice, ended.person(), "partner.erasure", null))
                    .consent(consent)
                    .requestId(notice)
                    .build());
        });
        return new Outcome(notices, evidence);
    }

    /** Recipient -> source event ids routed to it under the consent, from the audit trail. */
    private Map<Inbox, Set<String>> receivedUnder(String consent) {
        Map<Inbox, Set<String>> received = new LinkedHashMap<>();
        try {
            long after = -1;
            List<StoredRecord> page;
            do {
                page = audit.find(RecordFilter.routedUnder(consent), after, PAGE);
                for (StoredRecord stored : page) {
                    AuditRecord record = CanonicalEncoding.decode(stored.leaf());
                    Inbox recipient = new Inbox(Agency.fromId(record.actor().agency()), record.actor().org());
                    received.computeIfAbsent(recipient, r -> new LinkedHashSet<>()).add(record.resource().id());
                    after = stored.sequence();
                }
            } while (page.size() == PAGE);
        } catch (SQLException e) {
            throw new AuditStoreUnavailable(e);
        }
        return received;
    }

    private ProducerRecord<String, byte[]> notice(String id, Inbox recipient, String consent, AgencyEvent ended,
            String reason, Set<String> events) {
        ObjectNode data = json.createObjectNode()
                .put("notice", id)
                .put("organisation", recipient.org())
                .put("consent", consent)
                .put("person", ended.person())
                .put("reason", reason);
        events.forEach(data.putArray("events")::add);
        CloudEventBuilder extensions = CloudEventBuilder.v1()
                .withExtension(CloudEventExtensions.CATEGORY, "partner.erasure")
                .withExtension(CloudEventExtensions.CLASSIFICATION, "official")
                .withExtension(CloudEventExtensions.CONSENT, consent);
        InboxCopy.extension(extensions, CloudEventExtensions.CORRELATION_ID, ended.correlationId());
        return InboxCopy.notice(recipient, id, REQUESTED, ended.person(),
                data.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), extensions);
    }

    private static AuditRecord confirmation(AgencyEvent event) {
        String org = event.data().path("organisation").asText(null);
        return AuditRecord.builder(Instant.now(), new Actor(null, Agency.PARTNERS.id(), org, Inbox.CLIENT, null),
                        Action.ERASURE_CONFIRMED, Decision.permit("erased:" + event.data().path("erased").asLong()))
                .resource(new Resource("erasure-notice", event.data().path("notice").asText(null), event.person(),
                        event.category().name(), event.classification().label()))
                .consent(event.data().path("consent").asText(null))
                .requestId(event.id())
                .build();
    }
}
