package org.interlock.agency.restriction;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;
import org.interlock.agency.config.AgencyConfig;
import org.interlock.agency.schema.EventCatalogue;
import org.interlock.contracts.Classification;
import org.interlock.contracts.EventType;

/** The restriction events of a service that restricts, in its own agency's name (category restriction). */
@ApplicationScoped
@IfBuildProperty(name = "interlock.restrictions", stringValue = "true")
public class RestrictionEvents implements EventCatalogue {

    private final EventType imposed;
    private final EventType lifted;

    public RestrictionEvents(AgencyConfig config) {
        this.imposed = EventType.v1(config.agencyId(), "restriction", "imposed", "restriction",
                Classification.OFFICIAL_SENSITIVE);
        this.lifted = EventType.v1(config.agencyId(), "restriction", "lifted", "restriction",
                Classification.OFFICIAL_SENSITIVE);
    }

    public EventType imposed() {
        return imposed;
    }

    public EventType lifted() {
        return lifted;
    }

    @Override
    public List<EventType> types() {
        return List.of(imposed, lifted);
    }
}
