package org.interlock.policy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The referrals of persons to partner organisations, as the gateway keeps them from the agencies' events. */
public interface Referrals {

    /** No referral anywhere: partner organisations see nothing of anyone. */
    Referrals NONE = new Referrals() {
        @Override
        public List<Referral> inForce(String person, String organisation, Instant at) {
            return List.of();
        }

        @Override
        public Optional<Referral> find(String id) {
            return Optional.empty();
        }
    };

    /** The referrals of the person to the organisation in force at {@code at}. */
    List<Referral> inForce(String person, String organisation, Instant at);

    Optional<Referral> find(String id);
}
