package org.interlock.prisons.custody;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The facts of each custody category, as its events carry them: a reception, a transfer, a
 * security category and a release are distinct categories, shared under distinct agreements, so
 * each event carries its own category's facts and no others (the catalogue's
 * {@code custody.*} fields).
 */
public final class CustodyFacts {

    private CustodyFacts() {
    }

    /** {@code custody.reception}. */
    public record Reception(UUID id, String person, String prisonNumber, String establishment, CustodyStatus status,
            LocalDate receivedOn) {

        static Reception of(CustodyEpisode e) {
            return new Reception(e.id, e.person, e.prisonNumber, e.establishment, e.status, e.receivedOn);
        }
    }

    /** {@code custody.transfer}: where the person is now, and since when. */
    public record Transfer(UUID id, String person, String establishment, LocalDate transferredOn) {
    }

    /** {@code custody.security}. */
    public record Security(UUID id, String person, SecurityCategory securityCategory) {

        static Security of(CustodyEpisode e) {
            return new Security(e.id, e.person, e.securityCategory);
        }
    }

    /** {@code custody.release}. */
    public record Release(UUID id, String person, CustodyStatus status, LocalDate releaseDate, LocalDate releasedOn) {

        static Release of(CustodyEpisode e) {
            return new Release(e.id, e.person, e.status, e.releaseDate, e.releasedOn);
        }
    }
}
