package org.interlock.agency.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.inbox.UnprocessableEvent;
import org.interlock.contracts.Agency;
import org.interlock.platform.problem.ProblemException;

/**
 * How plans and their versions are kept: the objectives of a version as JSON, the next version of
 * a plan, a new plan, and — in the agency on licence — the version handed over, as the holder's
 * revised event reached this agency's inbox.
 */
@ApplicationScoped
@IfBuildProperty(name = "interlock.sentence-plans", stringValue = "true")
class PlanRecords {

    private static final TypeReference<List<Objective>> OBJECTIVES = new TypeReference<>() {
    };

    private final ObjectMapper json;

    PlanRecords(ObjectMapper json) {
        this.json = json;
    }

    PlanView view(PlanRevision revision) {
        return new PlanView(revision.plan, revision.person, revision.version, revision.previous, revision.owner,
                revision.reason, objectives(revision.objectives), revision.revisedBy, revision.revisedOn);
    }

    /** The objectives of the plan's current version here; none for a plan without one. */
    Uni<List<Objective>> latestObjectives(SentencePlan plan) {
        return PlanRevision.<PlanRevision>find("plan = ?1 and version = ?2", plan.id, plan.currentVersion).firstResult()
                .map(latest -> latest == null ? List.of() : objectives(latest.objectives));
    }

    PlanRevision next(SentencePlan plan, Agency owner, String reason, List<Objective> objectives, String revisedBy,
            LocalDate on) {
        PlanRevision revision = new PlanRevision();
        revision.id = UUID.randomUUID();
        revision.plan = plan.id;
        revision.person = plan.person;
        revision.version = plan.currentVersion + 1;
        revision.previous = plan.currentVersion == 0 ? null : plan.currentVersion;
        revision.owner = owner.id();
        revision.reason = reason;
        revision.objectives = text(objectives);
        revision.revisedBy = revisedBy;
        revision.revisedOn = on;
        return revision;
    }

    /**
     * A new plan for the person. The agency on licence makes none while the plan held in custody
     * is on its way (its revisions reached this inbox and no hand-over yet): 409, one plan per person.
     */
    Uni<SentencePlan> newPlan(String person, Agency agency) {
        Uni<Long> pending = agency == PlanEvents.ON_LICENCE
                ? count("SELECT count(*) FROM inbox_event WHERE type = ?1 AND subject = ?2",
                        PlanEvents.revisedInCustody(), person)
                : Uni.createFrom().item(0L);
        return pending.chain(held -> {
            if (held > 0) {
                throw ProblemException.conflict("The person's sentence plan is held by " + PlanEvents.IN_CUSTODY.id()
                        + " until release, when it is handed over here");
            }
            SentencePlan plan = new SentencePlan();
            plan.id = UUID.randomUUID();
            plan.person = person;
            plan.status = PlanStatus.HELD;
            plan.currentVersion = 0;
            return plan.persist();
        });
    }

    /**
     * The objectives of the version handed over, from the holder's revised event of that plan and
     * version as this inbox received it. Events about a person arrive in order, so the revision is
     * here before its hand-over; if it is not, the hand-over cannot be continued and says why.
     */
    Uni<List<Objective>> handedOverVersion(PlanHandOver handOver) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        SELECT payload FROM inbox_event WHERE type = ?1 AND subject = ?2
                        AND payload::jsonb ->> 'id' = ?3 AND payload::jsonb ->> 'version' = ?4
                        ORDER BY received_at LIMIT 1""", String.class)
                .setParameter(1, PlanEvents.revisedInCustody())
                .setParameter(2, handOver.person())
                .setParameter(3, handOver.plan().toString())
                .setParameter(4, Integer.toString(handOver.version()))
                .getResultList())
                .map(payloads -> {
                    if (payloads.isEmpty()) {
                        throw new UnprocessableEvent("hand-over of sentence plan " + handOver.plan() + " version "
                                + handOver.version() + ", which never reached this inbox");
                    }
                    return receivedObjectives(payloads.getFirst());
                });
    }

    /** Two changes of one plan at once: the second fails on the lock or on a version or person taken. */
    static boolean concurrentChange(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (name.contains("OptimisticLock") || name.contains("StaleObjectState")
                    || message.contains("sentence_plan_revision_version") || message.contains("sentence_plan_person_key")) {
                return true;
            }
        }
        return false;
    }

    private List<Objective> receivedObjectives(String payload) {
        try {
            JsonNode objectives = json.readTree(payload).path("objectives");
            if (!objectives.isArray() || objectives.isEmpty()) {
                throw new UnprocessableEvent("sentence plan handed over without objectives");
            }
            return json.convertValue(objectives, OBJECTIVES);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnprocessableEvent("sentence plan handed over whose objectives cannot be read");
        }
    }

    private List<Objective> objectives(String text) {
        try {
            return json.readValue(text, OBJECTIVES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored plan version's objectives are not readable", e);
        }
    }

    private String text(List<Objective> objectives) {
        try {
            return json.writeValueAsString(objectives);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Objectives cannot be serialised", e);
        }
    }

    /** A native count with positional parameters, in the caller's session. */
    static Uni<Long> count(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Long.class);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.getSingleResult();
        });
    }
}
