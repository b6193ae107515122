package org.interlock.probation.conference;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.interlock.contracts.PersonReference;

/** What the conference endpoints accept. */
public final class ConferenceRequests {

    static final String USERNAME = "[a-z0-9][a-z0-9._-]{0,63}";
    /** An agency that can own an action, or a partner organisation written {@code org:<id>}. */
    static final String OWNER = "prisons|probation|intelligence|org:[a-z0-9][a-z0-9-]{0,63}";

    private ConferenceRequests() {
    }

    public record Convene(
            @NotNull @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person,
            @NotNull OffsetDateTime meetsAt,
            @NotNull @Pattern(regexp = USERNAME, message = "must be a username") String chair,
            @NotEmpty @Size(max = 30) List<@NotNull @Pattern(regexp = USERNAME, message = "must be a username") String> invitees,
            @NotNull @Size(max = 10) List<@NotNull @Pattern(regexp = OWNER, message = "must be an agency or org:<id>") String> organisations,
            @NotBlank @Size(max = 2000) String purpose) {
    }

    public record Cancel(@NotBlank @Size(max = 2000) String reason) {
    }

    public record Minutes(@NotBlank @Size(max = 20000) String minutes) {
    }

    public record Assign(
            @NotNull @Pattern(regexp = OWNER, message = "must be an agency or org:<id>") String owner,
            @Pattern(regexp = USERNAME, message = "must be a username") String assignee,
            @NotBlank @Size(max = 2000) String description,
            @NotNull LocalDate dueOn) {
    }

    public record Complete(@NotBlank @Size(max = 2000) String outcome) {
    }
}
