package org.interlock.agency.assessment;

import io.smallrye.mutiny.Uni;

/**
 * Whom this agency assesses: each service that assesses says it (prisons, a person in its custody;
 * probation, a person it supervises). Asked inside the assessment's transaction.
 */
public interface AssessedPersons {

    /** Whether the person is this agency's to assess now. */
    Uni<Boolean> holds(String person);
}
