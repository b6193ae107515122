package org.interlock.agency.plan;

import java.util.List;
import java.util.UUID;

/**
 * What one partner organisation is given of a version of a plan (category plan.objectives, addressed
 * to it): the objectives it is responsible for and nothing else of the plan; empty when it no longer
 * is responsible for any.
 */
public record ObjectivesView(UUID id, String person, String organisation, int version, List<Objective> objectives) {
}
