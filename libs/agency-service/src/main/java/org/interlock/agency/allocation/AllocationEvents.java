package org.interlock.agency.allocation;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.agency.config.AgencyConfig;
import org.interlock.agency.schema.EventCatalogue;
import org.interlock.contracts.Classification;
import org.interlock.contracts.EventType;

/** The allocation events every agency service publishes, in its own agency's name. */
@ApplicationScoped
public class AllocationEvents implements EventCatalogue {

    private final EventType started;
    private final EventType ended;

    public AllocationEvents(AgencyConfig config) {
        this.started = EventType.v1(config.agencyId(), "allocation", "started", "allocation", Classification.OFFICIAL);
        this.ended = EventType.v1(config.agencyId(), "allocation", "ended", "allocation", Classification.OFFICIAL);
    }

    public EventType started() {
        return started;
    }

    public EventType ended() {
        return ended;
    }

    @Override
    public List<EventType> types() {
        return List.of(started, ended);
    }
}
