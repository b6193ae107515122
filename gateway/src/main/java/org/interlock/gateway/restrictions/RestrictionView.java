package org.interlock.gateway.restrictions;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.contracts.Agency;
import org.interlock.gateway.topics.AgencyEvent;
import org.interlock.gateway.topics.StateView;
import org.interlock.policy.Restrictions;
import org.interlock.policy.views.RestrictionRegister;

/** The persons each agency restricted to named staff: the restrictions in force on the agencies' state topics. */
@ApplicationScoped
public class RestrictionView implements Restrictions, StateView {

    private static final String RESTRICTION = "restriction";

    private final RestrictionRegister register = new RestrictionRegister();

    @Override
    public Optional<Set<String>> restrictedTo(Agency agency, String person) {
        return register.restrictedTo(agency, person);
    }

    @Override
    public void put(AgencyEvent state) {
        if (!RESTRICTION.equals(state.category().name())) {
            return;
        }
        String id = key(state.origin(), state.data().path("id").asText());
        if (state.type().endsWith(".imposed.v1")) {
            Set<String> staff = new HashSet<>();
            state.data().path("staff").forEach(name -> staff.add(name.asText()));
            register.imposed(id, state.origin(), state.person(), staff);
        } else {
            register.lifted(id);
        }
    }

    @Override
    public void remove(Agency origin, String category, String id) {
        if (RESTRICTION.equals(category)) {
            register.lifted(key(origin, id));
        }
    }

    /** An agency's tombstone lifts only that agency's restriction. */
    private static String key(Agency origin, String id) {
        return origin.id() + "/" + id;
    }
}
