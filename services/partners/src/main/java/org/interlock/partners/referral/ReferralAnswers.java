package org.interlock.partners.referral;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * What a partner manager sends to accept a referral: the caseworker to allocate. Whether the
 * caseworker is one of the organisation's own is the gateway's to decide (its staff directory).
 * Declining takes nothing.
 */
public final class ReferralAnswers {

    private ReferralAnswers() {
    }

    public record Accept(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,63}", message = "must be a Keycloak username") String caseworker) {
    }
}
