package org.interlock.probation.supervision;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.interlock.contracts.PersonReference;

/** What clients send about supervision cases. */
public final class CaseRequests {

    private CaseRequests() {
    }

    public record Open(
            @NotNull @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person,
            @NotNull SupervisionCase.Basis basis,
            @NotNull LocalDate openedOn) {
    }

    /** MAPPA category 1-4 (4: terrorism and terrorism-connected offenders) and management level 1-3. */
    public record SetMappa(@NotNull @Min(1) @Max(4) Integer category, @NotNull @Min(1) @Max(3) Integer level) {
    }

    public record RecordBreach(@NotNull LocalDate reportedOn, @NotNull @Size(min = 1, max = 2000) String description) {
    }

    public record Recall(@NotNull LocalDate recalledOn, @NotNull @Size(min = 1, max = 2000) String reason) {
    }

    public record Close(@NotNull LocalDate closedOn) {
    }
}
