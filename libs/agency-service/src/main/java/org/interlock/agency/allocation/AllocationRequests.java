package org.interlock.agency.allocation;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.interlock.contracts.PersonReference;

/** What clients send to allocate staff and to end an allocation. */
public final class AllocationRequests {

    private AllocationRequests() {
    }

    public record Allocate(
            @NotNull @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person,
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,63}", message = "must be a Keycloak username") String staff,
            @NotNull AllocationRole role,
            @NotNull LocalDate startsOn) {
    }

    public record End(@NotNull LocalDate endsOn) {
    }
}
