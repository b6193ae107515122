package org.interlock.agency.intervention;

import java.time.LocalDate;

import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.Validation;

/**
 * What an intervention's changes must satisfy beyond their shape: one provider, dates in order, each
 * participant's own consent, and sessions and outcome only where this agency delivers it. A refusal
 * is thrown before anything is written.
 */
final class InterventionChecks {

    private final String agency;

    InterventionChecks(String agency) {
        this.agency = agency;
    }

    void arrangement(InterventionRequests.Arrange request, LocalDate today) {
        boolean byAgency = request.providerAgency() != null;
        boolean byOrganisation = request.providerOrganisation() != null;
        if (byAgency == byOrganisation) {
            throw Validation.invalid("providerOrganisation",
                    "name exactly one provider: providerAgency or providerOrganisation");
        }
        if (byAgency && !agency.equals(request.providerAgency())) {
            throw Validation.invalid("providerAgency", "an agency delivers only the interventions it arranges: must be "
                    + agency);
        }
        if (request.endsOn().isBefore(request.startsOn())) {
            throw Validation.invalid("endsOn", "must not be before startsOn");
        }
        for (int i = 0; i < request.participantsOrNone().size(); i++) {
            InterventionRequests.Participant participant = request.participantsOrNone().get(i);
            if (participant.consent() != InterventionParticipant.Consent.GIVEN) {
                throw Validation.invalid("participants[" + i + "].consent",
                        "a participant takes part only on their own consent: must be GIVEN");
            }
            if (participant.consentGivenOn().isAfter(today)) {
                throw Validation.invalid("participants[" + i + "].consentGivenOn", "must not be in the future");
            }
        }
    }

    void session(Intervention intervention, InterventionRequests.Session request) {
        deliveredHere(intervention);
        if (request.sessionOn().isBefore(intervention.startsOn)) {
            throw Validation.invalid("sessionOn", "must not be before the intervention starts");
        }
    }

    void outcome(Intervention intervention, InterventionRequests.Outcome request) {
        deliveredHere(intervention);
        if (request.outcome() == InterventionStatus.ARRANGED) {
            throw Validation.invalid("outcome", "must be COMPLETED or NOT_COMPLETED");
        }
        if (request.endedOn().isBefore(intervention.startsOn)) {
            throw Validation.invalid("endedOn", "must not be before the intervention starts");
        }
    }

    void withdrawal(Intervention intervention, InterventionParticipant participant,
            InterventionRequests.WithdrawConsent request) {
        if (!participant.intervention.equals(intervention.id)) {
            throw ProblemException.notFound("No participant " + participant.id + " in intervention " + intervention.id);
        }
        if (participant.consent == InterventionParticipant.Consent.WITHDRAWN) {
            throw ProblemException.conflict("Participant " + participant.id + " has already withdrawn their consent");
        }
        if (request.withdrawnOn().isBefore(participant.consentGivenOn)) {
            throw Validation.invalid("withdrawnOn", "must not be before the consent was given");
        }
    }

    /** Whether a referral's category pattern covers the category interventions are shared under. */
    static boolean coversInterventions(String pattern) {
        return "*".equals(pattern) || InterventionEvents.CATEGORY.equals(pattern);
    }

    static ProblemException notReferred(String organisation) {
        return Validation.invalid("providerOrganisation", "the person must be referred to " + organisation
                + ", the referral accepted, in force and covering the category intervention");
    }

    /** Sessions and outcome of an intervention an organisation delivers are the organisation's to record. */
    private void deliveredHere(Intervention intervention) {
        if (!agency.equals(intervention.providerAgency)) {
            throw ProblemException.conflict("Intervention " + intervention.id + " is delivered by "
                    + intervention.organisation + ", which records its sessions and outcome");
        }
        if (intervention.status != InterventionStatus.ARRANGED) {
            throw ProblemException.conflict("Intervention " + intervention.id + " has already ended ("
                    + intervention.status + ")");
        }
    }
}
