package org.interlock.policy;

import java.time.Instant;
import java.util.Optional;

/**
 * The consents in force, as the partners service's consent registry publishes them. Consulted only
 * for agreements whose legal basis is consent; a withdrawal must be visible here before the next
 * decision for it to take effect.
 */
public interface ConsentView {

    /**
     * @param person       the person the data is about
     * @param organisation the recipient: a partner organisation id, or an agency id when an agency
     *                     receives on consent
     */
    Optional<ConsentGrant> activeConsent(String person, String organisation, String category, String purpose,
            Instant at);
}
