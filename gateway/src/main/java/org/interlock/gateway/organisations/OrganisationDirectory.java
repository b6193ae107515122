package org.interlock.gateway.organisations;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.contracts.Agency;
import org.interlock.contracts.Topics;
import org.interlock.gateway.topics.AgencyEvent;
import org.interlock.gateway.topics.ReplayProgress;
import org.interlock.policy.Organisations;

/**
 * The partner organisations known, and whether each is active, from the partners service's
 * organisation events. Every replica reads them all, from the beginning. A suspended
 * organisation receives nothing on any channel; one never registered is not active either.
 */
@ApplicationScoped
public class OrganisationDirectory implements Organisations {

    public static final String PARTNERS_EVENTS = Topics.events(Agency.PARTNERS);
    private static final String ORGANISATION = "partner.organisation";

    private final Map<String, Boolean> active = new ConcurrentHashMap<>();
    private final ReplayProgress progress = new ReplayProgress();
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

    public ReplayProgress progress() {
        return progress;
    }

    /** An event read from the agency topics (from {@code AgencyTopicsReader}); organisation events change the view. */
    public void apply(AgencyEvent event) {
        if (event.origin() == Agency.PARTNERS && ORGANISATION.equals(event.category().name())) {
            String id = event.owningOrganisation();
            if (id != null && active.put(id, "ACTIVE".equals(event.data().path("status").asText())) == null) {
                sorted = active.keySet().stream().sorted().toList();
            }
        }
    }

    /** Every record of the partners topic passes here, valid or not, so the exchange knows how far this view has read. */
    public void passed(int partition, long offset) {
        progress.applied(partition, offset);
    }
}
