package org.interlock.agency.referral;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.interlock.contracts.PersonReference;

/**
 * What clients send to refer a person and to withdraw a referral. The service checks the shape
 * only: whether the organisation is registered and active, and whether the policy knows the
 * categories and purposes, is the gateway's to decide.
 */
public final class ReferralRequests {

    /** A category ({@code custody.release}), a family of them ({@code licence.*}) or every one ({@code *}). */
    public static final String CATEGORY_PATTERN = "\\*|[a-z][a-z-]*(\\.[a-z][a-z-]*)*(\\.\\*)?";
    /** A purpose of use, e.g. {@code resettlement}. */
    public static final String PURPOSE = "[a-z][a-z-]{1,40}";
    /** A partner organisation's id, e.g. {@code horizon-mentoring}. */
    public static final String ORGANISATION = "[a-z0-9][a-z0-9-]{1,62}";

    private ReferralRequests() {
    }

    public record Make(
            @NotNull @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person,
            @NotNull @Pattern(regexp = ORGANISATION, message = "must be an organisation id") String organisation,
            @NotEmpty @Size(max = 10) List<@NotNull @Pattern(regexp = PURPOSE,
                    message = "must be a purpose such as resettlement") String> purposes,
            @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = CATEGORY_PATTERN,
                    message = "must be a category pattern such as custody.release or licence.*") String> categories,
            @NotNull @Size(min = 1, max = 2000) String reason,
            @NotNull LocalDate endsOn) {
    }

    public record Withdraw(@NotNull LocalDate withdrawnOn) {
    }
}
