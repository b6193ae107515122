package org.interlock.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * What a change names that can widen someone's access, as the change request and the record it
 * changes say it: the member of staff it allocates (or makes caseworker), the organisation it
 * refers to or consents for, the categories and purposes it grants, until when, and the referral
 * it answers. Policy checks each against the authority of whoever asks.
 *
 * @param staff      a member of staff named (an allocation's, a referral answer's caseworker); null if none
 * @param narrows    the change can only take access away (an allocation ended, a referral or a
 *                   consent withdrawn, a referral declined): it needs no further authority than the owner's
 * @param staffNamed members of staff a restriction keeps access for
 */
public record ChangeTerms(String staff, String organisation, List<String> categories, List<String> purposes,
        LocalDate until, String referral, List<String> staffNamed, boolean narrows) {

    /** A change that names nothing of the kind. */
    public static final ChangeTerms NONE = new ChangeTerms(null, null, List.of(), List.of(), null, null, List.of(),
            false);

    public ChangeTerms {
        categories = categories == null ? List.of() : List.copyOf(categories);
        purposes = purposes == null ? List.of() : List.copyOf(purposes);
        staffNamed = staffNamed == null ? List.of() : List.copyOf(staffNamed);
    }
}
