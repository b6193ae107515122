package org.interlock.partners;

import static org.interlock.contracts.Agency.PARTNERS;
import static org.interlock.contracts.Classification.OFFICIAL;
import static org.interlock.contracts.Classification.OFFICIAL_SENSITIVE;

import java.util.List;

import org.interlock.contracts.EventType;

/** Every event type the partners service publishes. Consent changes also go to interlock.consents. */
public final class PartnersEvents {

    public static final String CONSENTS_TOPIC = "interlock.consents";

    public static final EventType ORGANISATION_REGISTERED = EventType.v1(PARTNERS, "organisation", "registered", "partner.organisation", OFFICIAL);
    public static final EventType ORGANISATION_SUSPENDED = EventType.v1(PARTNERS, "organisation", "suspended", "partner.organisation", OFFICIAL);
    public static final EventType ORGANISATION_REINSTATED = EventType.v1(PARTNERS, "organisation", "reinstated", "partner.organisation", OFFICIAL);
    public static final EventType ACTIVITY_REPORTED = EventType.v1(PARTNERS, "activity", "reported", "partner.activity", OFFICIAL);
    public static final EventType CONCERN_RAISED = EventType.v1(PARTNERS, "activity", "concern-raised", "partner.concern", OFFICIAL_SENSITIVE);
    public static final EventType CONSENT_GRANTED = EventType.v1(PARTNERS, "consent", "granted", "consent", OFFICIAL);
    public static final EventType CONSENT_WITHDRAWN = EventType.v1(PARTNERS, "consent", "withdrawn", "consent", OFFICIAL);
    public static final EventType CONSENT_EXPIRED = EventType.v1(PARTNERS, "consent", "expired", "consent", OFFICIAL);
    public static final EventType ERASURE_CONFIRMED = EventType.v1(PARTNERS, "erasure", "confirmed", "partner.erasure", OFFICIAL);
    public static final EventType REFERRAL_ACCEPTED = EventType.v1(PARTNERS, "referral", "accepted", "partner.referral", OFFICIAL);
    public static final EventType REFERRAL_DECLINED = EventType.v1(PARTNERS, "referral", "declined", "partner.referral", OFFICIAL);
    public static final EventType INTERVENTION_SESSION = EventType.v1(PARTNERS, "intervention", "session-recorded", "partner.intervention", OFFICIAL);
    public static final EventType INTERVENTION_OUTCOME = EventType.v1(PARTNERS, "intervention", "outcome-recorded", "partner.intervention", OFFICIAL);

    public static final List<EventType> ALL = List.of(ORGANISATION_REGISTERED, ORGANISATION_SUSPENDED,
            ORGANISATION_REINSTATED, ACTIVITY_REPORTED, CONCERN_RAISED, CONSENT_GRANTED, CONSENT_WITHDRAWN,
            CONSENT_EXPIRED, ERASURE_CONFIRMED, REFERRAL_ACCEPTED, REFERRAL_DECLINED, INTERVENTION_SESSION,
            INTERVENTION_OUTCOME);

    private PartnersEvents() {
    }
}
