package org.interlock.agency.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.interlock.contracts.PersonReference;

/**
 * What clients send to revise a person's sentence plan (the first revision makes it). The shape is
 * checked here; who may revise, and whom an objective may name as responsible, by {@link RevisionRules}
 * and {@link PlanService}. Nothing here says who revises: that is the verified actor.
 */
public final class PlanRequests {

    /** A statutory agency's id. */
    static final String AGENCY = "prisons|probation|intelligence";
    static final String ORGANISATION = "[a-z0-9][a-z0-9-]{1,62}";
    static final String USERNAME = "[a-z0-9][a-z0-9._-]{0,63}";
    static final String INTERVENTION_TYPE = "[a-z][a-z-]{1,40}";

    private PlanRequests() {
    }

    public record Revise(
            @NotNull @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person,
            @NotBlank(message = "must say why the plan is revised") @Size(max = 4000) String reason,
            @NotEmpty(message = "must hold at least one objective") @Size(max = 50)
            List<@NotNull @Valid ObjectiveRequest> objectives) {
    }

    /** @param id the objective kept from the previous version; null for a new objective */
    public record ObjectiveRequest(
            UUID id,
            @NotBlank @Size(max = 2000) String description,
            @NotNull LocalDate targetDate,
            @NotNull @Valid ResponsibleRequest responsible,
            @Size(max = 20) List<@NotNull @Valid InterventionRequest> interventions) {
    }

    /** Exactly one of agency and organisation; staff optionally. */
    public record ResponsibleRequest(
            @Pattern(regexp = AGENCY, message = "must be a statutory agency: prisons, probation or intelligence") String agency,
            @Pattern(regexp = ORGANISATION, message = "must be an organisation id") String organisation,
            @Pattern(regexp = USERNAME, message = "must be a Keycloak username") String staff) {
    }

    public record InterventionRequest(
            @NotNull @Pattern(regexp = INTERVENTION_TYPE, message = "must be an intervention type such as mentoring")
            String type,
            UUID id) {
    }
}
