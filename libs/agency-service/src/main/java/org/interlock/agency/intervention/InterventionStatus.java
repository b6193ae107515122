package org.interlock.agency.intervention;

/** Arranged until its provider records the outcome: completed or not. */
public enum InterventionStatus {
    ARRANGED, COMPLETED, NOT_COMPLETED
}
