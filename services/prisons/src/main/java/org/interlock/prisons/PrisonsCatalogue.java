package org.interlock.prisons;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.agency.schema.EventCatalogue;
import org.interlock.contracts.EventType;

@ApplicationScoped
public class PrisonsCatalogue implements EventCatalogue {

    @Override
    public List<EventType> types() {
        return PrisonsEvents.ALL;
    }
}
