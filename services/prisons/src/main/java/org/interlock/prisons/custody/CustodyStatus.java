package org.interlock.prisons.custody;

/** Where a custody episode stands. */
public enum CustodyStatus {
    IN_CUSTODY, RELEASED
}
