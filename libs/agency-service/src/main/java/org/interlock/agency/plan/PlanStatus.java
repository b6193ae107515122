package org.interlock.agency.plan;

/**
 * Whether this agency holds the person's sentence plan (revises it) or has handed it over at
 * release to the agency that supervises the person on licence (ADR 0016). Handed over is final here.
 */
public enum PlanStatus {
    HELD, HANDED_OVER
}
