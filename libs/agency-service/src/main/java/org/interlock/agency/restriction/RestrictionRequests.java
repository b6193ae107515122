package org.interlock.agency.restriction;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.interlock.contracts.PersonReference;

/**
 * What clients send to restrict a person's records. Whether the named
 * staff belong to this agency is the gateway's to decide (its staff directory).
 */
public final class RestrictionRequests {

    private RestrictionRequests() {
    }

    public record Impose(
            @NotNull @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person,
            @NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,63}",
                    message = "must be a Keycloak username") String> staff,
            @NotNull @Size(min = 1, max = 2000) String reason) {
    }
}
