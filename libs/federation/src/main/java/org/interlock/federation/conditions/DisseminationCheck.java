package org.interlock.federation.conditions;

import java.time.Instant;
import java.util.Collection;

/**
 * "May this received item be passed on to this recipient?" under the originator's conditions. Deny unless the
 * conditions allow it in advance or the originator recorded a permission for it; an expired or revoked item goes
 * nowhere, whatever was allowed. The receiving deployment's own policy is decided separately and must permit
 * too: this check only ever narrows.
 */
public final class DisseminationCheck {

    public Onward decide(ReceivedItem item, String recipient, Collection<OriginatorPermission> permissions,
                         Instant now) {
        if (item.revokedAt(now)) {
            return new Onward.Withheld(Onward.Reason.ITEM_REVOKED);
        }
        if (item.conditions().expiredAt(now)) {
            return new Onward.Withheld(Onward.Reason.ITEM_EXPIRED);
        }
        if (item.conditions().allowsInAdvance(recipient)) {
            return new Onward.Allowed(Onward.Allowed.CONDITIONS);
        }
        for (OriginatorPermission permission : permissions) {
            if (permission.covers(item, recipient, now)) {
                return Onward.Allowed.byPermission(permission);
            }
        }
        boolean listed = item.conditions().disseminateTo().contains(recipient);
        return new Onward.Withheld(listed ? Onward.Reason.PERMISSION_REQUIRED : Onward.Reason.NOT_ALLOWED_BY_ORIGINATOR);
    }
}
