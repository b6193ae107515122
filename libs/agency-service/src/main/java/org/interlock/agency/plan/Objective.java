package org.interlock.agency.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An objective of a sentence plan: what is to be achieved, by when, who is responsible for it and
 * the interventions chosen for it. Its id stays the same across versions while it is kept.
 * Being responsible for an objective grants no access to anything (ADR 0016).
 */
public record Objective(UUID id, String description, LocalDate targetDate, Responsible responsible,
        List<InterventionChoice> interventions) {

    public Objective {
        interventions = interventions == null ? List.of() : List.copyOf(interventions);
    }

    /** An agency or a partner organisation, and optionally a named member of its staff. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Responsible(String agency, String organisation, String staff) {
    }

    /** An intervention chosen for the objective: its type, and the intervention record once there is one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InterventionChoice(String type, UUID id) {
    }

    /** The organisation responsible for this objective, or null when an agency is. */
    String organisation() {
        return responsible.organisation();
    }
}
