package org.interlock.agency.plan;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;
import org.interlock.agency.config.AgencyConfig;
import org.interlock.agency.schema.EventCatalogue;
import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.contracts.EventType;

/**
 * The sentence-plan events of a service that holds plans, in its own agency's name: every revision
 * (the whole plan, plan.sentence), what each responsible organisation is given of it (plan.objectives,
 * addressed to it) and, in the agency that holds plans in custody, the hand-over at release
 * (plan.handover). ADR 0016.
 */
@ApplicationScoped
@IfBuildProperty(name = "interlock.sentence-plans", stringValue = "true")
public class PlanEvents implements EventCatalogue {

    /** The agency that holds a plan while the person is in custody and hands it over at release. */
    static final Agency IN_CUSTODY = Agency.PRISONS;
    /** The agency that continues the plan on licence. */
    static final Agency ON_LICENCE = Agency.PROBATION;

    static final String PLAN = "plan.sentence";
    static final String OBJECTIVES = "plan.objectives";
    static final String HANDOVER = "plan.handover";

    private final Agency agency;
    private final EventType revised;
    private final EventType objectivesAssigned;
    private final EventType handedOver;

    public PlanEvents(AgencyConfig config) {
        this.agency = config.agencyId();
        this.revised = EventType.v1(agency, "sentence-plan", "revised", PLAN, Classification.OFFICIAL_SENSITIVE);
        this.objectivesAssigned = EventType.v1(agency, "sentence-plan", "objectives-assigned", OBJECTIVES,
                Classification.OFFICIAL);
        this.handedOver = EventType.v1(agency, "sentence-plan", "handed-over", HANDOVER,
                Classification.OFFICIAL_SENSITIVE);
    }

    public EventType revised() {
        return revised;
    }

    public EventType objectivesAssigned() {
        return objectivesAssigned;
    }

    public EventType handedOver() {
        return handedOver;
    }

    /** The revised event of the agency that hands plans over: what the one that continues them receives. */
    static String revisedInCustody() {
        return EventType.v1(IN_CUSTODY, "sentence-plan", "revised", PLAN, Classification.OFFICIAL_SENSITIVE).name();
    }

    static String handedOverInCustody() {
        return EventType.v1(IN_CUSTODY, "sentence-plan", "handed-over", HANDOVER, Classification.OFFICIAL_SENSITIVE)
                .name();
    }

    @Override
    public List<EventType> types() {
        List<EventType> types = new ArrayList<>(List.of(revised, objectivesAssigned));
        if (agency == IN_CUSTODY) {
            types.add(handedOver);
        }
        return types;
    }
}
