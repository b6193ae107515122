package org.interlock.gateway.audit.api;

import java.time.Instant;
import java.util.List;

/** What the flows API answers: counts, never a person or a record. */
public final class FlowViews {

    private FlowViews() {
    }

    /**
     * Disclosures from an origin to a recipient under one agreement.
     *
     * @param from       the origin agency, as the agreement in force names it; null when no agreement
     *                   of that id is in force now (the policy changed since)
     * @param to         the recipient: an agency ({@code probation}) or a partner organisation ({@code org:<id>})
     * @param agreement  the agreement the disclosures cite
     * @param basis      {@code consent} when a consent was their basis, otherwise {@code agreement}
     * @param count      how many disclosures
     * @param breakGlass how many of them were break-glass
     */
    public record Flow(String from, String to, String agreement, String basis, long count, long breakGlass) {
    }

    /** The flows of a period {@code [from, to)}, and their total. */
    public record FlowPeriod(Instant from, Instant to, long total, List<Flow> flows) {
    }
}
