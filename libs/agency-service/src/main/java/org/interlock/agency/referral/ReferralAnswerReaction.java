package org.interlock.agency.referral;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.inbox.InboxEvent;
import org.interlock.agency.inbox.InboxHandler;

/**
 * When a partner organisation accepts or declines a referral this service made, the referral
 * says so: the referrer sees the answer without asking. No event of its own (the partners
 * service's is the record of the answer); the inbox records the copy once, and a second answer
 * changes nothing.
 */
@ApplicationScoped
@IfBuildProperty(name = "interlock.referrals", stringValue = "true")
public class ReferralAnswerReaction implements InboxHandler {

    private static final Set<String> ANSWERS = Set.of(ReferralAnswer.ACCEPTED, ReferralAnswer.DECLINED);

    private final ReferralService referrals;

    public ReferralAnswerReaction(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Override
    public boolean handles(String type) {
        return ANSWERS.contains(type);
    }

    @Override
    public Uni<Void> handle(InboxEvent event) {
        return referrals.answered(ReferralAnswer.of(event));
    }
}
