package org.interlock.agency.plan;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.config.AgencyConfig;
import org.interlock.agency.inbox.InboxEvent;
import org.interlock.agency.inbox.InboxHandler;

/**
 * In the agency on licence: a plan handed over at release reaching the inbox is continued here,
 * in the inbox's transaction, so a redelivered or crashed hand-over is continued exactly once.
 */
@ApplicationScoped
@IfBuildProperty(name = "interlock.sentence-plans", stringValue = "true")
public class PlanHandOverReaction implements InboxHandler {

    private final PlanService plans;
    private final boolean onLicence;

    public PlanHandOverReaction(PlanService plans, AgencyConfig config) {
        this.plans = plans;
        this.onLicence = config.agencyId() == PlanEvents.ON_LICENCE;
    }

    @Override
    public boolean handles(String type) {
        return onLicence && PlanEvents.handedOverInCustody().equals(type);
    }

    @Override
    public Uni<Void> handle(InboxEvent event) {
        return plans.continueHandedOver(PlanHandOver.of(event));
    }
}
