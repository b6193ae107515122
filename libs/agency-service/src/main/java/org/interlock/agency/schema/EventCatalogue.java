package org.interlock.agency.schema;

import java.util.List;

import org.interlock.contracts.EventType;

/**
 * Event types this service publishes: each service declares its own, and each shared feature
 * that is active in it (allocations everywhere; referrals and restrictions where the build
 * enables them) declares its own. {@link SchemaResource} serves them all.
 */
public interface EventCatalogue {

    List<EventType> types();
}
