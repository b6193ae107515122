package org.interlock.partners;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.agency.schema.EventCatalogue;
import org.interlock.contracts.EventType;

@ApplicationScoped
public class PartnersCatalogue implements EventCatalogue {

    @Override
    public List<EventType> types() {
        return PartnersEvents.ALL;
    }
}
