package org.interlock.prisons.custody;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.interlock.contracts.PersonReference;

/** What clients send about custody. */
public final class CustodyRequests {

    private CustodyRequests() {
    }

    public record Receive(
            @NotNull @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person,
            @NotNull @Pattern(regexp = "[A-Z][0-9]{4}[A-Z]{2}", message = "must be a prison number such as A1234BC") String prisonNumber,
            @NotNull @Size(min = 2, max = 80) String establishment,
            @NotNull SecurityCategory securityCategory,
            @NotNull LocalDate receivedOn) {
    }

    public record Transfer(@NotNull @Size(min = 2, max = 80) String toEstablishment, @NotNull LocalDate transferredOn) {
    }

    public record SetReleaseDate(@NotNull LocalDate releaseDate) {
    }

    public record Release(@NotNull LocalDate releasedOn) {
    }

    public record SetSecurityCategory(@NotNull SecurityCategory securityCategory) {
    }
}
