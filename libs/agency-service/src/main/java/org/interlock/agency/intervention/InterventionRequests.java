package org.interlock.agency.intervention;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.interlock.agency.intervention.InterventionParticipant.Consent;
import org.interlock.agency.intervention.InterventionParticipant.Relationship;
import org.interlock.agency.intervention.InterventionSession.Attendance;
import org.interlock.contracts.PersonReference;

/**
 * What clients send to arrange an intervention, record a session or its outcome, and withdraw a
 * participant's consent. Who arranged and who recorded are never in a body: they are the verified
 * actor (ADR 0011).
 */
public final class InterventionRequests {

    /** An intervention's type, e.g. {@code family-mediation}, {@code identity-programme}. */
    public static final String TYPE = "[a-z][a-z0-9-]{1,62}";
    /** A partner organisation's id, e.g. {@code horizon-mentoring}. */
    public static final String ORGANISATION = "[a-z0-9][a-z0-9-]{1,62}";
    /** An agency id. */
    public static final String AGENCY = "prisons|probation|intelligence|partners";

    private InterventionRequests() {
    }

    /** Exactly one of {@code providerAgency} and {@code providerOrganisation}; the service checks which. */
    public record Arrange(
            @NotNull @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person,
            @NotNull @Pattern(regexp = TYPE, message = "must be an intervention type such as family-mediation") String type,
            @Pattern(regexp = AGENCY, message = "must be an agency id") String providerAgency,
            @Pattern(regexp = ORGANISATION, message = "must be an organisation id") String providerOrganisation,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,
            @Size(max = 20) List<@Valid @NotNull Participant> participants) {

        public List<Participant> participantsOrNone() {
            return participants == null ? List.of() : participants;
        }
    }

    /** A third party taking part: their relationship to the person and their own consent are required. */
    public record Participant(
            @NotNull Relationship relationship,
            @Size(max = 100) String relationshipDetail,
            @NotNull @Size(min = 1, max = 200) String name,
            @Size(max = 500) String contact,
            @NotNull Consent consent,
            @NotNull LocalDate consentGivenOn) {
    }

    public record Session(@NotNull LocalDate sessionOn, @NotNull Attendance attendance) {
    }

    public record Outcome(@NotNull InterventionStatus outcome, @NotNull LocalDate endedOn,
            @Size(max = 4000) String notes) {
    }

    public record WithdrawConsent(@NotNull LocalDate withdrawnOn) {
    }
}
