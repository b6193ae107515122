package org.interlock.partners.intervention;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.interlock.contracts.PersonReference;
import org.interlock.partners.organisation.Organisation;

/**
 * What a delivering organisation's staff send to record a session or the outcome of an intervention
 * addressed to it. The person and the organisation are what the gateway decides on (the organisation
 * must be the writer's own); the service checks both against the intervention it received.
 */
public final class DeliveryRequests {

    private DeliveryRequests() {
    }

    public enum Attendance {
        ATTENDED, MISSED_ACCEPTABLE, MISSED_UNACCEPTABLE
    }

    public enum Outcome {
        COMPLETED, NOT_COMPLETED
    }

    public record Session(
            @NotNull @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person,
            @NotNull @Pattern(regexp = Organisation.ID_REGEX, message = "must be an organisation id") String organisation,
            @NotNull LocalDate sessionOn,
            @NotNull Attendance attendance,
            @Size(max = 4000) String notes) {
    }

    public record Ending(
            @NotNull @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person,
            @NotNull @Pattern(regexp = Organisation.ID_REGEX, message = "must be an organisation id") String organisation,
            @NotNull Outcome outcome,
            @NotNull LocalDate endedOn,
            @Size(max = 4000) String notes) {
    }
}
