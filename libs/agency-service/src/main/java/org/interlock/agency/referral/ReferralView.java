package org.interlock.agency.referral;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A referral as the API and its events show it: the catalogue's {@code referral} fields, no others. */
public record ReferralView(UUID id, String person, String organisation, List<String> purposes, List<String> categories,
        String reason, LocalDate endsOn, String referredBy, ReferralStatus status) {

    static ReferralView of(Referral r) {
        return new ReferralView(r.id, r.person, r.organisation, Referral.split(r.purposes), Referral.split(r.categories),
                r.reason, r.endsOn, r.referredBy, r.status);
    }
}
