package org.interlock.intelligence;

import static org.interlock.contracts.Agency.INTELLIGENCE;
import static org.interlock.contracts.Classification.OFFICIAL_SENSITIVE;
import static org.interlock.contracts.Classification.SECRET;

import java.util.List;

import org.interlock.contracts.EventType;

/**
 * Every event type the intelligence service publishes. Reports and flags are secret and carry
 * their handling code; a sanitised summary is the form that may travel further.
 */
public final class IntelligenceEvents {

    public static final EventType REPORT_FILED = EventType.v1(INTELLIGENCE, "report", "filed", "intel.report", SECRET);
    public static final EventType SUMMARY_RELEASED = EventType.v1(INTELLIGENCE, "sanitised-summary", "released", "intel.summary", OFFICIAL_SENSITIVE);
    public static final EventType FLAG_RAISED = EventType.v1(INTELLIGENCE, "threat-flag", "raised", "intel.threat", SECRET);
    public static final EventType FLAG_CLEARED = EventType.v1(INTELLIGENCE, "threat-flag", "cleared", "intel.threat", SECRET);

    public static final List<EventType> ALL = List.of(REPORT_FILED, SUMMARY_RELEASED, FLAG_RAISED, FLAG_CLEARED);

    private IntelligenceEvents() {
    }
}
