package org.interlock.partners.received;

import java.util.List;
import java.util.UUID;

/**
 * The data of {@code org.interlock.partners.erasure.confirmed.v1}: what was erased for a notice.
 * {@code events} are the source event ids whose copies were deleted; {@code erased} counts them.
 */
public record ErasureConfirmation(UUID notice, String organisation, String consent, String person, int erased,
        List<String> events) {

    static ErasureConfirmation of(ErasureNotice notice, List<String> erasedEvents) {
        return new ErasureConfirmation(notice.notice(), notice.organisation(), notice.consent(), notice.person(),
                erasedEvents.size(), List.copyOf(erasedEvents));
    }
}
