package org.interlock.prisons.plan;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import org.interlock.agency.plan.PlanScope;
import org.interlock.prisons.custody.CustodyService;

/** Prisons makes and revises the sentence plan of a person in custody here, and of nobody else. */
@ApplicationScoped
public class InCustody implements PlanScope {

    @Override
    public Uni<Boolean> holds(String person) {
        return CustodyService.openEpisodeOf(person).map(episode -> episode != null);
    }
}
