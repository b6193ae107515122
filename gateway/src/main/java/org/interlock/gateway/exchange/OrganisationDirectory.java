package org.interlock.gateway.exchange;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The partner organisations the exchange may route to, and whether each is active, from the
 * partners service's organisation events. Every replica reads them all, from the beginning.
 */
@ApplicationScoped
public class OrganisationDirectory {

    private static final Logger LOG = Logger.getLogger(OrganisationDirectory.class);
    private static final String ORGANISATION_EVENTS = "org.interlock.partners.organisation.";

    private final Map<String, Boolean> active = new ConcurrentHashMap<>();
    private final ReplayProgress progress = new ReplayProgress();
    private final ObjectMapper json;

    public OrganisationDirectory(ObjectMapper json) {
        this.json = json;
    }

    /** Every organisation known, active or not. */
    public List<String> organisations() {
        return active.keySet().stream().sorted().toList();
    }

    public boolean isActive(String organisation) {
        return active.getOrDefault(organisation, false);
    }

    public ReplayProgress progress() {
        return progress;
    }

    @Incoming("organisations")
    public CompletionStage<Void> apply(Message<String> message) {
        String type = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(IncomingCloudEventMetadata::getType).orElse("");
        if (type.startsWith(ORGANISATION_EVENTS) && message.getPayload() != null) {
            try {
                JsonNode data = json.readTree(message.getPayload());
                active.put(data.path("id").asText(), "ACTIVE".equals(data.path("status").asText()));
            } catch (Exception e) {
                LOG.warnf("Unreadable organisation event skipped (%s)", e.getClass().getSimpleName());
            }
        }
        message.getMetadata(IncomingKafkaRecordMetadata.class)
                .ifPresent(m -> progress.applied(m.getPartition(), m.getOffset()));
        return message.ack();
    }
}
