package org.interlock.probation;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.agency.schema.EventCatalogue;
import org.interlock.contracts.EventType;

@ApplicationScoped
public class ProbationCatalogue implements EventCatalogue {

    @Override
    public List<EventType> types() {
        return ProbationEvents.ALL;
    }
}
