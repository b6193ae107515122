package org.interlock.policy.engine;

import java.util.Optional;

import org.interlock.contracts.Classification;
import org.interlock.policy.Caseload;
import org.interlock.policy.Conference;
import org.interlock.policy.Conferences;
import org.interlock.policy.ConsentGrant;
import org.interlock.policy.ConsentView;
import org.interlock.policy.DecisionRequest;
import org.interlock.policy.Principal;
import org.interlock.policy.Referral;
import org.interlock.policy.Referrals;
import org.interlock.policy.Views;
import org.interlock.policy.Resource;
import org.interlock.policy.engine.AgreementOutcome.Grant;
import org.interlock.policy.engine.AgreementOutcome.Refusal;
import org.interlock.policy.language.LegalBasis;
import org.interlock.policy.language.Policy;
import org.interlock.policy.language.Recipient;
import org.interlock.policy.language.SharingAgreement;

/**
 * Puts a request through one sharing agreement's checks, in the order of {@link Check}. The cheap,
 * static checks come first; the caseload and the consent registry are asked last and only when
 * everything else already permits.
 */
final class AgreementCheck {

    private final Caseload caseload;
    private final ConsentView consents;
    private final Referrals referrals;
    private final Conferences conferences;

    AgreementCheck(Views views) {
        this.caseload = views.caseload();
        this.consents = views.consents();
        this.referrals = views.referrals();
        this.conferences = views.conferences();
    }

    /**
     * Whether the agreement is about this origin and this recipient at all. A conference agreement
     * is about the staff some conference invites to discuss the person, whenever it meets: to
     * anyone else it says nothing, so their refusals keep the reason the other agreements give.
     */
    boolean isCandidate(SharingAgreement agreement, DecisionRequest request) {
        if (agreement.from() != request.resource().origin() || !agreement.to().matches(request.principal())) {
            return false;
        }
        return !agreement.forConference() || invitedAtAll(request);
    }

    private boolean invitedAtAll(DecisionRequest request) {
        String person = request.resource().person();
        if (person == null) {
            return false;
        }
        for (Conference conference : conferences.about(person)) {
            if (conference.invites(request.principal().username(), person)) {
                return true;
            }
        }
        return false;
    }

    AgreementOutcome evaluate(SharingAgreement agreement, Policy policy, DecisionRequest request) {
        Resource resource = request.resource();
        if (!agreement.covers(resource.category())) {
            return new Refusal(agreement, Check.CATEGORY, "does not cover category " + resource.category());
        }
        if (!agreement.actions().contains(request.action())) {
            return new Refusal(agreement, Check.ACTION, "does not grant " + request.action().id());
        }
        if (agreement.addressed() && !Recipient.addressedTo(request.resource().addressee(), request.principal())) {
            return new Refusal(agreement, Check.ROLE, "releases a record only to the organisation it is addressed to");
        }
        if (!rolesFit(agreement, policy, request)) {
            return new Refusal(agreement, Check.ROLE, agreement.roles().isEmpty()
                    ? "is for the recipient's staff roles" : "is only for roles " + agreement.roles());
        }
        if (!agreement.inForceAt(request.context().at())) {
            return new Refusal(agreement, Check.IN_FORCE, "is not in force at the time of the request");
        }
        if (!agreement.purposes().contains(request.context().purpose())) {
            return new Refusal(agreement, Check.PURPOSE, "does not allow purpose " + request.context().purpose());
        }
        return checkClassification(agreement, request);
    }

    private AgreementOutcome checkClassification(SharingAgreement agreement, DecisionRequest request) {
        Resource resource = request.resource();
        Classification released = agreement.releasedAs(resource.classification());
        Classification clearance = request.principal().clearance();
        // An inbox has no clearance of its own: the agreement's maximum, checked next, is its ceiling.
        if (request.action().byPerson() && !released.atMost(clearance)) {
            return new Refusal(agreement, Check.CLEARANCE, "would release " + released.label()
                    + " data to a clearance of " + clearance.label());
        }
        if (!resource.classification().atMost(agreement.maxClassification())) {
            return new Refusal(agreement, Check.CLASSIFICATION, "allows at most "
                    + agreement.maxClassification().label() + ", the data is " + resource.classification().label());
        }
        if (resource.handling() != null && !agreement.handling().contains(resource.handling())) {
            return new Refusal(agreement, Check.HANDLING, "does not allow handling code " + resource.handling());
        }
        return agreement.forConference() ? checkInvitation(agreement, request, released)
                : checkPerson(agreement, request, released);
    }

    /**
     * A conference agreement stands in for the caseload (and, for partner staff, the referral): the
     * chair's invitation, made with the authority to convene, is the act that gives need-to-know,
     * for the persons discussed and in the agreement's window only. Break-glass opens no pack.
     */
    private AgreementOutcome checkInvitation(SharingAgreement agreement, DecisionRequest request,
            Classification released) {
        String person = request.resource().person();
        String username = request.principal().username();
        if (person != null) {
            for (Conference conference : conferences.about(person)) {
                if (conference.invites(username, person)
                        && agreement.window().contains(conference.meetsAt(), request.context().at())) {
                    return new Grant(agreement, null, released, false, conference.id());
                }
            }
        }
        return new Refusal(agreement, Check.INVITATION, "opens the pack of a conference the subject is invited to"
                + " only from " + agreement.window().opensBefore() + " before the meeting until "
                + agreement.window().closesAfter() + " after it");
    }

    private AgreementOutcome checkPerson(SharingAgreement agreement, DecisionRequest request, Classification released) {
        Principal principal = request.principal();
        String person = request.resource().person();
        if (principal.org() != null && person != null && !agreement.addressed() && !referred(request)) {
            return new Refusal(agreement, Check.REFERRAL, "a partner organisation works with a person only inside"
                    + " an accepted referral covering this category and purpose");
        }
        boolean caseloadApplies = request.action().byPerson() && agreement.requiresCaseload() && person != null;
        boolean bypassed = false;
        if (caseloadApplies && !caseload.includes(principal.username(), person)) {
            if (!request.context().breakGlass()) {
                return new Refusal(agreement, Check.CASELOAD, "requires the person in the subject's caseload");
            }
            bypassed = true;
        }
        if (!(agreement.legalBasis() instanceof LegalBasis.Consent)) {
            return new Grant(agreement, null, released, bypassed);
        }
        Optional<ConsentGrant> consent = person == null ? Optional.empty()
                : consents.activeConsent(person, agreement.to().consentParty(), request.resource().category(),
                        request.context().purpose(), request.context().at());
        if (consent.isEmpty()) {
            return new Refusal(agreement, Check.CONSENT, "rests on consent and none is active");
        }
        return new Grant(agreement, consent.get().id(), released, bypassed);
    }

    /** An accepted referral of the person to the subject's organisation, in force, covering the category and purpose. */
    private boolean referred(DecisionRequest request) {
        for (Referral referral : referrals.inForce(request.resource().person(), request.principal().org(),
                request.context().at())) {
            if (referral.covers(request.resource().category(), request.context().purpose())) {
                return true;
            }
        }
        return false;
    }

    /** Agreements naming roles are for those roles only; the others for staff. An inbox has no roles. */
    private static boolean rolesFit(SharingAgreement agreement, Policy policy, DecisionRequest request) {
        if (!request.action().byPerson()) {
            return agreement.roles().isEmpty();
        }
        Principal principal = request.principal();
        return agreement.roles().isEmpty()
                ? principal.holdsAnyOf(policy.staffRoles()) : principal.holdsAnyOf(agreement.roles());
    }
}
