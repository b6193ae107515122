package org.interlock.gateway.caseload;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.contracts.Agency;
import org.interlock.gateway.topics.AgencyEvent;
import org.interlock.gateway.topics.StateView;
import org.interlock.policy.Caseload;
import org.interlock.policy.StaffDirectory;
import org.interlock.policy.views.AllocationRegister;

/**
 * Each member of staff's caseload and each person's statutory lead: the allocations in force, as
 * every agency's state topic holds them (ADR 0012; every gateway replica reads them all, from the
 * beginning, and an ended allocation's tombstone removes it). An allocation counts only while the
 * staff directory says its member of staff is staff of the agency whose topic carried it: an
 * allocation recorded in the partners service naming a probation officer gives that officer nothing.
 */
@ApplicationScoped
public class AllocationCaseload implements Caseload, StateView {

    private static final String ALLOCATION = "allocation";

    private final AllocationRegister register;

    public AllocationCaseload(StaffDirectory staff) {
        this.register = new AllocationRegister((username, agency) -> staff.member(username)
                .map(member -> agency.id().equals(member.agency())).orElse(false));
    }

    @Override
    public boolean includes(String username, String person) {
        return register.includes(username, person);
    }

    @Override
    public Set<String> statutoryLeads(String person) {
        return register.statutoryLeads(person);
    }

    @Override
    public void put(AgencyEvent state) {
        if (!ALLOCATION.equals(state.category().name())) {
            return;
        }
        JsonNode data = state.data();
        String id = key(state.origin(), data.path("id").asText());
        if (state.type().endsWith(".started.v1") && data.path("endsOn").isNull()) {
            register.start(id, state.origin(), data.path("staff").asText(), state.person(), data.path("role").asText());
        } else {
            register.end(id);
        }
    }

    @Override
    public void remove(Agency origin, String category, String id) {
        if (ALLOCATION.equals(category)) {
            register.end(key(origin, id));
        }
    }

    /** An agency's tombstone ends only that agency's allocation. */
    private static String key(Agency origin, String id) {
        return origin.id() + "/" + id;
    }
}
