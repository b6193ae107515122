package org.interlock.partners.referral;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A referral as the organisation's staff read it and its answer events carry it (the catalogue's partner.referral). */
public record PartnerReferralView(UUID id, String person, String organisation, String origin, List<String> purposes,
        List<String> categories, LocalDate endsOn, PartnerReferralStatus status, String caseworker, String answeredBy,
        LocalDate answeredOn) {

    static PartnerReferralView of(PartnerReferral r) {
        return new PartnerReferralView(r.id, r.person, r.organisation, r.origin, PartnerReferral.split(r.purposes),
                PartnerReferral.split(r.categories), r.endsOn, r.status, r.caseworker, r.answeredBy, r.answeredOn);
    }
}
