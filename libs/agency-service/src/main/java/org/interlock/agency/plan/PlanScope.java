package org.interlock.agency.plan;

import io.smallrye.mutiny.Uni;

/**
 * Whether the person is in this agency's care now — in custody here (prisons), under supervision
 * here (probation): a plan is made and revised only for them. Each service that holds plans says
 * what that means for it; asked inside the revision's transaction.
 */
public interface PlanScope {

    Uni<Boolean> holds(String person);
}
