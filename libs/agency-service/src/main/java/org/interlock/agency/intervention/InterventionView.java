package org.interlock.agency.intervention;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An intervention as the API answers it and its arranged and outcome events carry it: the person's
 * facts (category {@code intervention}) alone. Its sessions ({@code intervention.session}) and its
 * participants ({@code intervention.participant}) are records of their own, which the gateway
 * decides on separately.
 */
public record InterventionView(UUID id, String person, String type, String providerAgency, String organisation,
        LocalDate startsOn, LocalDate endsOn, String arrangedBy, InterventionStatus status, LocalDate endedOn,
        String outcomeNotes, String outcomeBy) {

    static InterventionView of(Intervention i) {
        return new InterventionView(i.id, i.person, i.type, i.providerAgency, i.organisation, i.startsOn, i.endsOn,
                i.arrangedBy, i.status, i.endedOn, i.outcomeNotes, i.outcomeBy);
    }

    /** A session of an intervention the agency delivers. */
    public record SessionView(UUID id, UUID intervention, String person, String organisation, LocalDate sessionOn,
            InterventionSession.Attendance attendance, String recordedBy) {

        static SessionView of(InterventionSession s, Intervention i) {
            return new SessionView(s.id, s.intervention, i.person, i.organisation, s.sessionOn, s.attendance,
                    s.recordedBy);
        }
    }

    /** A participant's details; name and contact are null once they withdrew their consent. */
    public record ParticipantView(UUID id, UUID intervention, String person, String organisation,
            InterventionParticipant.Relationship relationship, String relationshipDetail, String name, String contact,
            InterventionParticipant.Consent consent, LocalDate consentGivenOn, LocalDate withdrawnOn,
            String recordedBy) {

        static ParticipantView of(InterventionParticipant p, Intervention i) {
            return new ParticipantView(p.id, p.intervention, i.person, i.organisation, p.relationship,
                    p.relationshipDetail, p.name, p.contact, p.consent, p.consentGivenOn, p.withdrawnOn, p.recordedBy);
        }
    }
}
