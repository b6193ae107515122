package org.interlock.gateway.exchange;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * The partner organisations the exchange may route to, and whether each is active, from the
 * partners service's organisation events. Every replica reads them all, from the beginning.
 */
@ApplicationScoped
public class OrganisationDirectory {

    private static final Logger LOG = Logger.getLogger(OrganisationDirectory.class);
    private static final String ORGANISATION_EVENTS = "org.interlock.partners.organisation.";
    static final String PARTNERS_EVENTS = "interlock.partners.events";

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

    /** A poll of the agency topics (from {@code AgencyTopicsReader}): the partners' organisation events change the view. */
    public void apply(ConsumerRecords<String, String> records) {
        for (ConsumerRecord<String, String> record : records.records(PARTNERS_EVENTS)) {
            String type = AgencyEvent.header(record.headers(), "ce_type");
            if (type != null && type.startsWith(ORGANISATION_EVENTS) && record.value() != null) {
                try {
                    JsonNode data = json.readTree(record.value());
                    active.put(data.path("id").asText(), "ACTIVE".equals(data.path("status").asText()));
                } catch (Exception e) {
                    LOG.warnf("Unreadable organisation event skipped (%s)", e.getClass().getSimpleName());
                }
            }
            progress.applied(record.partition(), record.offset());
        }
    }
}
