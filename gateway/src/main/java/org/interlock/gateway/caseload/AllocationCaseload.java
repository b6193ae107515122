package org.interlock.gateway.caseload;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.gateway.topics.AgencyEvent;
import org.interlock.policy.Caseload;

/**
 * Each member of staff's caseload, kept current from every agency's allocation events. Every
 * gateway replica reads them all (its own consumer group, from the beginning), so each holds the
 * whole view; a lookup is two hash probes.
 */
@ApplicationScoped
public class AllocationCaseload implements Caseload {

    private static final String ALLOCATION = "allocation";

    /** allocation id -> (staff, person) of the allocations in force. */
    private final Map<String, Allocation> active = new ConcurrentHashMap<>();
    /** staff -> person -> number of allocations in force. */
    private final Map<String, Map<String, Integer>> byStaff = new ConcurrentHashMap<>();
    record Allocation(String staff, String person) {
    }

    @Override
    public boolean includes(String username, String person) {
        Map<String, Integer> persons = byStaff.get(username);
        return persons != null && persons.containsKey(person);
    }

    /** An event read from the agency topics (from {@code AgencyTopicsReader}): only allocations change the view. */
    public void apply(AgencyEvent event) {
        if (!ALLOCATION.equals(event.category().name())) {
            return;
        }
        JsonNode data = event.data();
        record(data, event.type().endsWith(".started.v1") && data.path("endsOn").isNull());
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
