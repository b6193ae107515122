package org.interlock.prisons.custody;

import java.time.LocalDate;
import java.util.UUID;

/** A custody episode as the API and the custody events show it. */
public record CustodyView(UUID id, String person, String prisonNumber, String establishment, CustodyStatus status,
        SecurityCategory securityCategory, LocalDate receivedOn, LocalDate releaseDate, LocalDate releasedOn) {

    static CustodyView of(CustodyEpisode e) {
        return new CustodyView(e.id, e.person, e.prisonNumber, e.establishment, e.status, e.securityCategory,
                e.receivedOn, e.releaseDate, e.releasedOn);
    }
}
