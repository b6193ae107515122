package org.interlock.probation.conference;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A conference as the API and its events show it; the minutes only once recorded. */
public record ConferenceView(UUID id, String person, OffsetDateTime meetsAt, String chair, List<String> invitees,
        List<String> organisations, String purpose, String convenedBy, Conference.Status status,
        String cancelledReason, String minutes, OffsetDateTime minutesRecordedAt) {

    static ConferenceView of(Conference c) {
        return new ConferenceView(c.id, c.person, c.meetsAt, c.chair, Conference.split(c.invitees),
                Conference.split(c.organisations), c.purpose, c.convenedBy, c.status, c.cancelledReason, c.minutes,
                c.minutesRecordedAt);
    }

    /** The conference's own facts, for its convened and cancelled events (never the minutes). */
    record Terms(UUID id, String person, OffsetDateTime meetsAt, String chair, List<String> invitees,
            List<String> organisations, String purpose, String convenedBy, Conference.Status status,
            String cancelledReason) {

        static Terms of(Conference c) {
            return new Terms(c.id, c.person, c.meetsAt, c.chair, Conference.split(c.invitees),
                    Conference.split(c.organisations), c.purpose, c.convenedBy, c.status, c.cancelledReason);
        }
    }

    /** The minutes, for their own event: a category of their own, classified higher. */
    record Minuted(UUID id, String person, String minutes, OffsetDateTime minutesRecordedAt) {

        static Minuted of(Conference c) {
            return new Minuted(c.id, c.person, c.minutes, c.minutesRecordedAt);
        }
    }

    /** An action, as the API and its events show it. */
    public record Action(UUID id, UUID conferenceId, String person, String owner, String assignee,
            String description, java.time.LocalDate dueOn, ConferenceAction.Status status, String assignedBy,
            String outcome) {

        static Action of(ConferenceAction a) {
            return new Action(a.id, a.conferenceId, a.person, a.owner, a.assignee, a.description, a.dueOn, a.status,
                    a.assignedBy, a.outcome);
        }
    }
}
