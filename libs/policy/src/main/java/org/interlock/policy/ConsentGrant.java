package org.interlock.policy;

import java.time.Instant;

/** A consent in force: its id is cited by the permit and the audit record. */
public record ConsentGrant(String id, String person, String organisation, Instant givenAt) {
}
