package org.interlock.partners.referral;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import org.interlock.agency.inbox.InboxEvent;
import org.interlock.agency.inbox.InboxHandler;

/**
 * Referrals reach a partner organisation as copies of the referring agency's events (made,
 * withdrawn, expired). Besides being kept as received copies (like any copy), they make and end
 * the organisation's referral, in the same transaction.
 */
@ApplicationScoped
public class ReferralCopyReaction implements InboxHandler {

    private final PartnerReferralService referrals;

    public ReferralCopyReaction(PartnerReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public boolean handles(String type) {
        return ReferralCopy.isReferralEvent(type);
    }

    @Override
    public Uni<Void> handle(InboxEvent event) {
        return referrals.received(ReferralCopy.of(event));
    }
}
