package org.interlock.partners.consent;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A consent as the API, its events and the interlock.consents topic show it. */
public record ConsentView(UUID id, String person, String organisation, List<String> categories, List<String> purposes,
        LocalDate validFrom, LocalDate validUntil, Consent.ObtainedHow obtainedHow, String obtainedBy,
        LocalDate obtainedOn, Consent.Status status, LocalDate withdrawnOn, boolean active) {

    static ConsentView of(Consent c, LocalDate today) {
        return new ConsentView(c.id, c.person, c.organisation, Consent.split(c.categories), Consent.split(c.purposes),
                c.validFrom, c.validUntil, c.obtainedHow, c.obtainedBy, c.obtainedOn, c.status, c.withdrawnOn,
                c.activeOn(today));
    }
}
