package org.interlock.agency.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import org.interlock.contracts.Agency;
import org.interlock.platform.problem.Validation;

/**
 * The rules a revision obeys that need nothing but the request and the previous version: a reason,
 * at least one objective, kept objectives that exist, exactly one agency or organisation responsible
 * for each, staff named only where this agency can tell who they are. What needs the database (is
 * the staff member allocated here, did the organisation accept a referral) comes back as
 * {@link Lookup}s; a responsibility kept unchanged from the previous version is not looked up again.
 */
final class RevisionRules {

    /** Something the service must find in its own records before the revision may stand. */
    sealed interface Lookup {
        String field();
    }

    /** A member of this agency's staff, who must be allocated to the person here. */
    record AllocatedStaff(String field, String staff) implements Lookup {
    }

    /** An organisation that must have accepted a referral of the person by this agency; its staff, the caseworker it allocated. */
    record ReferredOrganisation(String field, String organisation, String staff) implements Lookup {
    }

    record Checked(List<Objective> objectives, List<Lookup> lookups) {
    }

    private RevisionRules() {
    }

    /**
     * @param previous the objectives of the version revised; empty for the first
     * @param newId    the id of each new objective
     */
    static Checked check(PlanRequests.Revise request, List<Objective> previous, Agency self, Supplier<UUID> newId) {
        if (request.reason() == null || request.reason().isBlank()) {
            throw Validation.invalid("reason", "must say why the plan is revised");
        }
        if (request.objectives() == null || request.objectives().isEmpty()) {
            throw Validation.invalid("objectives", "must hold at least one objective");
        }
        Map<UUID, Objective> before = new HashMap<>();
        previous.forEach(objective -> before.put(objective.id(), objective));
        Set<UUID> kept = new HashSet<>();
        List<Objective> objectives = new ArrayList<>();
        List<Lookup> lookups = new ArrayList<>();
        for (int i = 0; i < request.objectives().size(); i++) {
            String field = "objectives[" + i + "]";
            PlanRequests.ObjectiveRequest asked = request.objectives().get(i);
            if (asked.id() != null && !before.containsKey(asked.id())) {
                throw Validation.invalid(field + ".id", "is no objective of the version revised; leave it out for a new one");
            }
            if (asked.id() != null && !kept.add(asked.id())) {
                throw Validation.invalid(field + ".id", "names an objective kept twice");
            }
            Objective.Responsible responsible = responsible(asked.responsible(), field + ".responsible", self);
            Objective earlier = asked.id() == null ? null : before.get(asked.id());
            if (earlier == null || !Objects.equals(earlier.responsible(), responsible)) {
                lookup(responsible, field + ".responsible", self).ifPresent(lookups::add);
            }
            objectives.add(new Objective(asked.id() != null ? asked.id() : newId.get(), asked.description(),
                    asked.targetDate(), responsible, interventions(asked)));
        }
        return new Checked(List.copyOf(objectives), List.copyOf(lookups));
    }

    private static Objective.Responsible responsible(PlanRequests.ResponsibleRequest asked, String field, Agency self) {
        if (asked == null || (asked.agency() == null) == (asked.organisation() == null)) {
            throw Validation.invalid(field, "must name exactly one of agency or organisation");
        }
        if (asked.agency() != null && !statutory(asked.agency())) {
            throw Validation.invalid(field + ".agency", "must be a statutory agency: prisons, probation or intelligence");
        }
        if (asked.agency() != null && asked.staff() != null && !asked.agency().equals(self.id())) {
            throw Validation.invalid(field + ".staff", "only " + asked.agency()
                    + " names its own staff: name the agency alone");
        }
        return new Objective.Responsible(asked.agency(), asked.organisation(), asked.staff());
    }

    private static Optional<Lookup> lookup(Objective.Responsible responsible, String field, Agency self) {
        if (responsible.organisation() != null) {
            return Optional.of(new ReferredOrganisation(field + ".organisation", responsible.organisation(),
                    responsible.staff()));
        }
        if (responsible.staff() != null && responsible.agency().equals(self.id())) {
            return Optional.of(new AllocatedStaff(field + ".staff", responsible.staff()));
        }
        return Optional.empty();
    }

    private static boolean statutory(String agency) {
        return agency.equals(Agency.PRISONS.id()) || agency.equals(Agency.PROBATION.id())
                || agency.equals(Agency.INTELLIGENCE.id());
    }

    private static List<Objective.InterventionChoice> interventions(PlanRequests.ObjectiveRequest asked) {
        if (asked.interventions() == null) {
            return List.of();
        }
        return asked.interventions().stream().map(i -> new Objective.InterventionChoice(i.type(), i.id())).toList();
    }

    /** The organisations responsible for at least one of the objectives, in order. */
    static Set<String> organisations(List<Objective> objectives) {
        Set<String> organisations = new TreeSet<>();
        objectives.stream().map(Objective::organisation).filter(Objects::nonNull).forEach(organisations::add);
        return organisations;
    }
}
