package org.interlock.federation.conditions;

/** Whether a received item may be passed on to a recipient under its originator's conditions. */
public sealed interface Onward {

    /** Allowed: by the conditions themselves, or by a recorded permission (named for the audit record). */
    record Allowed(String basis) implements Onward {
        static final String CONDITIONS = "originator-conditions";

        static Allowed byPermission(OriginatorPermission permission) {
            return new Allowed("originator-permission:" + permission.reference());
        }
    }

    /** Withheld, with the reason as a stable code. */
    record Withheld(Reason reason) implements Onward {
    }

    enum Reason {
        /** The originator's expiry has passed; the item is to be erased, not shared. */
        ITEM_EXPIRED,
        /** The originator revoked the item. */
        ITEM_REVOKED,
        /** The recipient is listed but the originator asks to be asked each time, and has not been. */
        PERMISSION_REQUIRED,
        /** Neither listed by the originator nor permitted by it. */
        NOT_ALLOWED_BY_ORIGINATOR
    }
}
