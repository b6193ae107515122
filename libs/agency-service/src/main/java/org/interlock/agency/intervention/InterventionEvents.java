package org.interlock.agency.intervention;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;
import org.interlock.agency.config.AgencyConfig;
import org.interlock.agency.schema.EventCatalogue;
import org.interlock.contracts.Classification;
import org.interlock.contracts.EventType;

/**
 * The intervention events of a service that arranges interventions, in its own agency's name: the
 * person's facts (category intervention) apart from each participant's (intervention.participant,
 * classified higher), so that the policy decides on a third party's details on their own.
 */
@ApplicationScoped
@IfBuildProperty(name = "interlock.interventions", stringValue = "true")
public class InterventionEvents implements EventCatalogue {

    static final String CATEGORY = "intervention";
    static final String SESSION_CATEGORY = "intervention.session";
    static final String PARTICIPANT_CATEGORY = "intervention.participant";

    private final EventType arranged;
    private final EventType attendanceRecorded;
    private final EventType outcomeRecorded;
    private final EventType participantRecorded;
    private final EventType participantConsentWithdrawn;

    public InterventionEvents(AgencyConfig config) {
        this.arranged = EventType.v1(config.agencyId(), "intervention", "arranged", CATEGORY, Classification.OFFICIAL);
        this.attendanceRecorded = EventType.v1(config.agencyId(), "intervention", "attendance-recorded", SESSION_CATEGORY,
                Classification.OFFICIAL);
        this.outcomeRecorded = EventType.v1(config.agencyId(), "intervention", "outcome-recorded", CATEGORY,
                Classification.OFFICIAL);
        this.participantRecorded = EventType.v1(config.agencyId(), "intervention", "participant-recorded",
                PARTICIPANT_CATEGORY, Classification.OFFICIAL_SENSITIVE);
        this.participantConsentWithdrawn = EventType.v1(config.agencyId(), "intervention",
                "participant-consent-withdrawn", PARTICIPANT_CATEGORY, Classification.OFFICIAL_SENSITIVE);
    }

    public EventType arranged() {
        return arranged;
    }

    public EventType attendanceRecorded() {
        return attendanceRecorded;
    }

    public EventType outcomeRecorded() {
        return outcomeRecorded;
    }

    public EventType participantRecorded() {
        return participantRecorded;
    }

    public EventType participantConsentWithdrawn() {
        return participantConsentWithdrawn;
    }

    @Override
    public List<EventType> types() {
        return List.of(arranged, attendanceRecorded, outcomeRecorded, participantRecorded, participantConsentWithdrawn);
    }
}
