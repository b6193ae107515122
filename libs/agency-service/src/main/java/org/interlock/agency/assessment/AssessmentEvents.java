package org.interlock.agency.assessment;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;
import org.interlock.agency.config.AgencyConfig;
import org.interlock.agency.schema.EventCatalogue;
import org.interlock.contracts.Classification;
import org.interlock.contracts.EventType;

/** The assessment event of a service that assesses, in its own agency's name (category risk.assessment). */
@ApplicationScoped
@IfBuildProperty(name = "interlock.assessments", stringValue = "true")
public class AssessmentEvents implements EventCatalogue {

    private final EventType recorded;

    public AssessmentEvents(AgencyConfig config) {
        this.recorded = EventType.v1(config.agencyId(), "risk-assessment", "recorded", "risk.assessment",
                Classification.OFFICIAL_SENSITIVE);
    }

    public EventType recorded() {
        return recorded;
    }

    @Override
    public List<EventType> types() {
        return List.of(recorded);
    }
}
