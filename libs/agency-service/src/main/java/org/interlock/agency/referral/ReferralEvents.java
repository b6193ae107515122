package org.interlock.agency.referral;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;
import org.interlock.agency.config.AgencyConfig;
import org.interlock.agency.schema.EventCatalogue;
import org.interlock.contracts.Classification;
import org.interlock.contracts.EventType;

/** The referral events of a service that makes referrals, in its own agency's name (category referral). */
@ApplicationScoped
@IfBuildProperty(name = "interlock.referrals", stringValue = "true")
public class ReferralEvents implements EventCatalogue {

    private final EventType made;
    private final EventType withdrawn;
    private final EventType expired;

    public ReferralEvents(AgencyConfig config) {
        this.made = type(config, "made");
        this.withdrawn = type(config, "withdrawn");
        this.expired = type(config, "expired");
    }

    public EventType made() {
        return made;
    }

    public EventType withdrawn() {
        return withdrawn;
    }

    public EventType expired() {
        return expired;
    }

    @Override
    public List<EventType> types() {
        return List.of(made, withdrawn, expired);
    }

    private static EventType type(AgencyConfig config, String verb) {
        return EventType.v1(config.agencyId(), "referral", verb, "referral", Classification.OFFICIAL);
    }
}
