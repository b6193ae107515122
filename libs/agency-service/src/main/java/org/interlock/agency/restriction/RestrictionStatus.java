package org.interlock.agency.restriction;

/** A restriction is in force until it is lifted; lifted is final. */
public enum RestrictionStatus {
    ACTIVE, LIFTED
}
