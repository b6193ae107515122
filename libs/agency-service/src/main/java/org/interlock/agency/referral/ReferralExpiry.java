package org.interlock.agency.referral;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Expires referrals past their end date, every {@code interlock.referral.expiry-check} (a minute). */
@ApplicationScoped
@IfBuildProperty(name = "interlock.referrals", stringValue = "true")
public class ReferralExpiry {

    private final ReferralService referrals;

    public ReferralExpiry(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Scheduled(every = "${interlock.referral.expiry-check}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> expire() {
        return referrals.expireEnded();
    }
}
