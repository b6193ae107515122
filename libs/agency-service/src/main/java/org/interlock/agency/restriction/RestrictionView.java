package org.interlock.agency.restriction;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A restriction as the API and its events show it: the catalogue's {@code restriction} fields. */
public record RestrictionView(UUID id, String person, List<String> staff, String reason, String imposedBy,
        LocalDate imposedOn, LocalDate liftedOn, RestrictionStatus status) {

    static RestrictionView of(Restriction r) {
        return new RestrictionView(r.id, r.person, Restriction.split(r.staff), r.reason, r.imposedBy, r.imposedOn,
                r.liftedOn, r.status);
    }
}
