package org.interlock.gateway.restrictions;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.contracts.Agency;
import org.interlock.gateway.topics.AgencyEvent;
import org.interlock.policy.Restrictions;
import org.interlock.policy.views.RestrictionRegister;

/** The persons each agency restricted to named staff, from the agencies' restriction events. */
@ApplicationScoped
public class RestrictionView implements Restrictions {

    private static final String RESTRICTION = "restriction";

    private final RestrictionRegister register = new RestrictionRegister();

    @Override
    public Optional<Set<String>> restrictedTo(Agency agency, String person) {
        return register.restrictedTo(agency, person);
    }

    /** An event read from the agency topics (from {@code AgencyTopicsReader}). */
    public void apply(AgencyEvent event) {
        if (!RESTRICTION.equals(event.category().name())) {
            return;
        }
        String id = event.data().path("id").asText();
        if (event.type().endsWith(".imposed.v1")) {
            Set<String> staff = new HashSet<>();
            event.data().path("staff").forEach(name -> staff.add(name.asText()));
            register.imposed(id, event.origin(), event.person(), staff);
        } else if (event.type().endsWith(".lifted.v1")) {
            register.lifted(id);
        }
    }
}
