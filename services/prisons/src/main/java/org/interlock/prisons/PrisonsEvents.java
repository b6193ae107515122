package org.interlock.prisons;

import static org.interlock.contracts.Agency.PRISONS;
import static org.interlock.contracts.Classification.OFFICIAL_SENSITIVE;

import java.util.List;

import org.interlock.contracts.EventType;

/**
 * Every event type of the prisons service's own features, with its sharing category and classification
 * (the shared features' are the agency kit's: allocations, referrals, restrictions, assessments).
 */
public final class PrisonsEvents {

    public static final EventType RECEIVED = EventType.v1(PRISONS, "custody", "received", "custody.reception", OFFICIAL_SENSITIVE);
    public static final EventType TRANSFERRED = EventType.v1(PRISONS, "custody", "transferred", "custody.transfer", OFFICIAL_SENSITIVE);
    public static final EventType RELEASE_DATE_SET = EventType.v1(PRISONS, "custody", "release-date-set", "custody.release", OFFICIAL_SENSITIVE);
    public static final EventType RELEASED = EventType.v1(PRISONS, "custody", "released", "custody.release", OFFICIAL_SENSITIVE);
    public static final EventType SECURITY_CATEGORY_SET = EventType.v1(PRISONS, "custody", "security-category-set", "custody.security", OFFICIAL_SENSITIVE);
    public static final EventType INCIDENT_RECORDED = EventType.v1(PRISONS, "incident", "recorded", "custody.incident", OFFICIAL_SENSITIVE);

    public static final List<EventType> ALL = List.of(RECEIVED, TRANSFERRED, RELEASE_DATE_SET, RELEASED,
            SECURITY_CATEGORY_SET, INCIDENT_RECORDED);

    private PrisonsEvents() {
    }
}
