package org.interlock.agency.schema;

import java.util.List;

import org.interlock.contracts.EventType;

/** The event types a service publishes (besides allocations, which every service has). */
public interface EventCatalogue {

    List<EventType> types();
}
