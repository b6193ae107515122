package org.interlock.intelligence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.agency.schema.EventCatalogue;
import org.interlock.contracts.EventType;

@ApplicationScoped
public class IntelligenceCatalogue implements EventCatalogue {

    @Override
    public List<EventType> types() {
        return IntelligenceEvents.ALL;
    }
}
