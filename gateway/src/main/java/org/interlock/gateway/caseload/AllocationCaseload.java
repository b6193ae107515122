package org.interlock.gateway.caseload;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.interlock.gateway.exchange.AgencyEvent;
import org.interlock.policy.Caseload;
import org.jboss.logging.Logger;

/**
 * Each member of staff's caseload, kept current from every agency's allocation events. Every
 * gateway replica reads them all (its own consumer group, from the beginning), so each holds the
 * whole view; a lookup is two hash probes.
 */
@ApplicationScoped
public class AllocationCaseload implements Caseload {

    private static final Logger LOG = Logger.getLogger(AllocationCaseload.class);

    /** allocation id -> (staff, person) of the allocations in force. */
    private final Map<String, Allocation> active = new ConcurrentHashMap<>();
    /** staff -> person -> number of allocations in force. */
    private final Map<String, Map<String, Integer>> byStaff = new ConcurrentHashMap<>();
    private final ObjectMapper json;

    record Allocation(String staff, String person) {
    }

    public AllocationCaseload(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean includes(String username, String person) {
        Map<String, Integer> persons = byStaff.get(username);
        return persons != null && persons.containsKey(person);
    }

    /** A poll of the agency topics (from {@code AgencyTopicsReader}): only allocation events change the view. */
    public void apply(ConsumerRecords<String, String> records) {
        for (ConsumerRecord<String, String> record : records) {
            String type = AgencyEvent.header(record.headers(), "ce_type");
            if (type != null && record.value() != null
                    && (type.endsWith(".allocation.started.v1") || type.endsWith(".allocation.ended.v1"))) {
                try {
                    JsonNode data = json.readTree(record.value());
                    record(data, type.endsWith(".started.v1") && data.path("endsOn").isNull());
                } catch (Exception e) {
                    LOG.warnf("Unreadable allocation event skipped (%s)", e.getClass().getSimpleName());
                }
            }
        }
    }

    private synchronized void record(JsonNode data, boolean inForce) {
        String id = data.path("id").asText();
        if (inForce) {
            Allocation allocation = new Allocation(data.path("staff").asText(), data.path("person").asText());
            if (active.putIfAbsent(id, allocation) == null) {
                byStaff.computeIfAbsent(allocation.staff(), k -> new ConcurrentHashMap<>())
                        .merge(allocation.person(), 1, Integer::sum);
            }
            return;
        }
        Allocation ended = active.remove(id);
        if (ended != null) {
            byStaff.computeIfPresent(ended.staff(), (staff, persons) -> {
                persons.computeIfPresent(ended.person(), (p, n) -> n > 1 ? n - 1 : null);
                return persons.isEmpty() ? null : persons;
            });
        }
    }
}
