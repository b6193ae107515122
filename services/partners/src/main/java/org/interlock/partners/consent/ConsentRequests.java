package org.interlock.partners.consent;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.interlock.contracts.PersonReference;

/** What clients send to record and withdraw consent. */
public final class ConsentRequests {

    private ConsentRequests() {
    }

    public record Grant(
            @NotNull @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person,
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "must be an organisation id") String organisation,
            @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z]+(\\.[a-z-]+)*(\\.\\*)?",
                    message = "must be a category such as custody.release or licence.*") String> categories,
            @NotEmpty @Size(max = 10) List<@NotNull @Pattern(regexp = "[a-z][a-z-]{1,40}",
                    message = "must be a purpose such as resettlement") String> purposes,
            @NotNull LocalDate validFrom,
            @NotNull LocalDate validUntil,
            @NotNull Consent.ObtainedHow obtainedHow,
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,63}", message = "must be a Keycloak username") String obtainedBy,
            @NotNull LocalDate obtainedOn) {
    }

    public record Withdraw(@NotNull LocalDate withdrawnOn) {
    }
}
