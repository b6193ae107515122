package org.interlock.agency.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A version of a sentence plan as the API answers and its revised event carries it (category
 * plan.sentence): the whole plan, its place in the history and the reason for the revision.
 */
public record PlanView(UUID id, String person, int version, Integer previous, String owner, String reason,
        List<Objective> objectives, String revisedBy, LocalDate revisedOn) {
}
