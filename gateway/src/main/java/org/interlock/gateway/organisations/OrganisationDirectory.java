package org.interlock.gateway.organisations;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.contracts.Agency;
import org.interlock.gateway.topics.AgencyEvent;
import org.interlock.gateway.topics.StateView;
import org.interlock.policy.Organisations;

/**
 * The partner organisations known, and whether each is active, from the organisations' state on
 * the partners' state topic (ADR 0012). Every replica reads it all, from the beginning. A
 * suspended organisation receives nothing on any channel; one never registered is not active either.
 */
@ApplicationScoped
public class OrganisationDirectory implements Organisations, StateView {

    private static final String ORGANISATION = "partner.organisation";

    private final Map<String, Boolean> active = new ConcurrentHashMap<>();
    private volatile List<String> sorted = List.of();

    /** Every organisation known, active or not, in a stable order. */
    public List<String> organisations() {
        return sorted;
    }

    @Override
    public boolean isActive(String organisation) {
        return active.getOrDefault(organisation, false);
    }

    /** Registered and suspended (an organisation never seen is not active, but not known to be suspended either). */
    @Override
    public boolean isSuspended(String organisation) {
        return Boolean.FALSE.equals(active.get(organisation));
    }

    @Override
    public synchronized void put(AgencyEvent state) {
        if (state.origin() == Agency.PARTNERS && ORGANISATION.equals(state.category().name())) {
            String id = state.owningOrganisation();
            if (id != null && active.put(id, "ACTIVE".equals(state.data().path("status").asText())) == null) {
                sorted = active.keySet().stream().sorted().toList();
            }
        }
    }

    /** An organisation removed from the partners' topic is no longer known: it receives nothing. */
    @Override
    public synchronized void remove(Agency origin, String category, String id) {
        if (origin == Agency.PARTNERS && ORGANISATION.equals(category) && active.remove(id) != null) {
            sorted = active.keySet().stream().sorted().toList();
        }
    }
}
