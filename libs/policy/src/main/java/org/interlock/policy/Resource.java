package org.interlock.policy;

import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;

/**
 * What is asked for: a record or an event, described only by what policy needs. The policy never
 * sees the payload itself, so "would S see R?" can be answered without seeing R.
 *
 * @param origin         the agency that is the system of record (the CloudEvents source)
 * @param category       dotted sharing category, e.g. {@code custody.release}
 * @param classification as marked by the origin
 * @param handling       dissemination code ({@code P}: sharing permitted, {@code C}: never onward); null if none
 * @param person         {@code urn:interlock:person:<uuid>}; null when the data is about no person
 * @param type           the event type or record kind, for the trail only
 * @param owningOrg      for partners data, the partner organisation whose record it is (null if
 *                       none): only that organisation's staff own it
 * @param addressee      the partner organisation ({@code <id>} or {@code org:<id>}) or the agency a
 *                       record is addressed to (a referral, a conference action), or null: an
 *                       agreement marked {@code addressed} releases it to that addressee only
 */
public record Resource(Agency origin, String category, Classification classification, String handling,
        String person, String type, String owningOrg, String addressee) {

    /** A resource addressed to no organisation in particular. */
    public Resource(Agency origin, String category, Classification classification, String handling, String person,
            String type, String owningOrg) {
        this(origin, category, classification, handling, person, type, owningOrg, null);
    }

    /** A resource no partner organisation owns in particular. */
    public Resource(Agency origin, String category, Classification classification, String handling, String person,
            String type) {
        this(origin, category, classification, handling, person, type, null);
    }
}
