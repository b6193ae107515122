package org.interlock.gateway.caseload;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.gateway.topics.AgencyEvent;
import org.interlock.policy.Caseload;
import org.interlock.policy.StaffDirectory;
import org.interlock.policy.views.AllocationRegister;

/**
 * Each member of staff's caseload and each person's statutory lead, kept current from every
 * agency's allocation events (every gateway replica reads them all, from the beginning). An
 * allocation counts only while the staff directory says its member of staff is staff of the
 * agency whose topic carried it: an allocation recorded in the partners service naming a
 * probation officer gives that officer nothing.
 */
@ApplicationScoped
public class AllocationCaseload implements Caseload {

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

    /** An event read from the agency topics (from {@code AgencyTopicsReader}): only allocations change the view. */
    public void apply(AgencyEvent event) {
        if (!ALLOCATION.equals(event.category().name())) {
            return;
        }
        JsonNode data = event.data();
        String id = data.path("id").asText();
        if (event.type().endsWith(".started.v1") && data.path("endsOn").isNull()) {
            register.start(id, event.origin(), data.path("staff").asText(), event.person(),
                    data.path("role").asText());
        } else {
            register.end(id);
        }
    }
}
