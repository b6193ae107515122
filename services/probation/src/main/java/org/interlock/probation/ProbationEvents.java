package org.interlock.probation;

import static org.interlock.contracts.Agency.PROBATION;
import static org.interlock.contracts.Classification.OFFICIAL;
import static org.interlock.contracts.Classification.OFFICIAL_SENSITIVE;

import java.util.List;

import org.interlock.contracts.EventType;

/** Every event type the probation service publishes, with its sharing category and classification. */
public final class ProbationEvents {

    public static final EventType CASE_OPENED = EventType.v1(PROBATION, "supervision-case", "opened", "supervision.case", OFFICIAL_SENSITIVE);
    public static final EventType MAPPA_SET = EventType.v1(PROBATION, "supervision-case", "mappa-set", "supervision.mappa", OFFICIAL_SENSITIVE);
    public static final EventType BREACH_RECORDED = EventType.v1(PROBATION, "supervision-case", "breach-recorded", "supervision.breach", OFFICIAL_SENSITIVE);
    public static final EventType RECALLED = EventType.v1(PROBATION, "supervision-case", "recalled", "supervision.recall", OFFICIAL_SENSITIVE);
    public static final EventType CASE_CLOSED = EventType.v1(PROBATION, "supervision-case", "closed", "supervision.case", OFFICIAL_SENSITIVE);
    public static final EventType CONDITION_IMPOSED = EventType.v1(PROBATION, "licence-condition", "imposed", "licence.conditions", OFFICIAL_SENSITIVE);
    public static final EventType APPOINTMENT_RECORDED = EventType.v1(PROBATION, "appointment", "recorded", "supervision.appointment", OFFICIAL);

    public static final EventType CONFERENCE_CONVENED = EventType.v1(PROBATION, "conference", "convened", "conference", OFFICIAL);
    public static final EventType CONFERENCE_CANCELLED = EventType.v1(PROBATION, "conference", "cancelled", "conference", OFFICIAL);
    public static final EventType CONFERENCE_MINUTED = EventType.v1(PROBATION, "conference", "minutes-recorded", "conference.minutes", OFFICIAL_SENSITIVE);
    public static final EventType ACTION_ASSIGNED = EventType.v1(PROBATION, "conference-action", "assigned", "conference.action", OFFICIAL);
    public static final EventType ACTION_COMPLETED = EventType.v1(PROBATION, "conference-action", "completed", "conference.action", OFFICIAL);
    public static final EventType ACTION_OVERDUE = EventType.v1(PROBATION, "conference-action", "overdue", "conference.action", OFFICIAL);

    public static final List<EventType> ALL = List.of(CASE_OPENED, MAPPA_SET, BREACH_RECORDED, RECALLED, CASE_CLOSED,
            CONDITION_IMPOSED, APPOINTMENT_RECORDED, CONFERENCE_CONVENED, CONFERENCE_CANCELLED, CONFERENCE_MINUTED,
            ACTION_ASSIGNED, ACTION_COMPLETED, ACTION_OVERDUE);

    private ProbationEvents() {
    }
}
