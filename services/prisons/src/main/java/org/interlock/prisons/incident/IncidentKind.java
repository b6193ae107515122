package org.interlock.prisons.incident;

/** Kinds of custody incident that matter for extremism risk. */
public enum IncidentKind {
    EXTREMIST_MATERIAL, RADICALISING_OTHERS, VIOLENCE, THREATS, CONTRABAND, OTHER
}
