package org.interlock.agency.referral;

import java.util.UUID;

import org.interlock.agency.inbox.InboxEvent;
import org.interlock.agency.inbox.UnprocessableEvent;

/**
 * A partner organisation's answer to a referral, as the exchange delivers a copy of the partners
 * service's event: which referral (its {@code id}), about whom (the subject), from which
 * organisation (when the copy carries it), accepted or declined.
 */
record ReferralAnswer(UUID id, String person, String organisation, ReferralStatus status) {

    /** The type of the partners' event this answer is a copy of. */
    String type() {
        return status == ReferralStatus.ACCEPTED ? ACCEPTED : DECLINED;
    }

    static final String ACCEPTED = "org.interlock.partners.referral.accepted.v1";
    static final String DECLINED = "org.interlock.partners.referral.declined.v1";

    static ReferralAnswer of(InboxEvent event) {
        String id = event.data().path("id").asText(null);
        if (id == null) {
            throw new UnprocessableEvent("referral answer without id");
        }
        UUID referral;
        try {
            referral = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new UnprocessableEvent("referral answer whose id is not a UUID");
        }
        String organisation = event.data().path("organisation").asText(null);
        return new ReferralAnswer(referral, event.subject(), organisation,
                ACCEPTED.equals(event.type()) ? ReferralStatus.ACCEPTED : ReferralStatus.DECLINED);
    }
}
