package org.interlock.agency.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.actor.Actor;
import org.interlock.agency.outbox.DomainEvent;
import org.interlock.agency.outbox.Outbox;
import org.interlock.agency.outbox.Transactions;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.Validation;

/**
 * Structured risk assessments of the persons this agency holds, as a history: each a version of the
 * last, checked against its factor set, published with what changed since (ADR 0018).
 */
@ApplicationScoped
@IfBuildProperty(name = "interlock.assessments", stringValue = "true")
public class AssessmentService {

    private static final String REVIEW_TRIGGER = "org.interlock.gateway.review-trigger.fired.v1";

    private final Transactions transactions;
    private final Outbox outbox;
    private final AssessmentEvents events;
    private final AssessedPersons persons;
    private final AssessmentCheck check;
    private final Actor actor;

    public AssessmentService(Transactions transactions, Outbox outbox, AssessmentEvents events,
            AssessedPersons persons, FactorSets sets, AssessmentConfig config, Actor actor) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.events = events;
        this.persons = persons;
        this.check = new AssessmentCheck(sets::find, config.domainOnly());
        this.actor = actor;
    }

    /** The next version of the person's assessment; two recorded at once cannot both be it (409). */
    public Uni<AssessmentView> assess(AssessmentRequest request) {
        if (!request.assessor().equals(actor.username())) {
            // Whoever records an assessment is its assessor: nobody signs one in a colleague's name.
            throw Validation.invalid("assessor", "must be you, who record the assessment");
        }
        List<FactorRating> factors = check.check(request);
        return transactions.commit(() -> persons.holds(request.person())
                .invoke(held -> {
                    if (!held) {
                        throw ProblemException.unknownPerson(request.person());
                    }
                })
                .call(() -> requirePrompt(request))
                .chain(() -> latestOf(request.person()))
                .chain(latest -> next(request, factors, latest).<Assessment>persist()
                        .map(saved -> AssessmentView.of(saved, latest)))
                .call(view -> outbox.append(DomainEvent.of(events.recorded(), view.person(), view))))
                .onFailure(AssessmentService::concurrentVersion).transform(e -> ProblemException.conflict(
                        "Another assessment of the person was recorded at the same moment; read the history and retry"));
    }

    @WithSession
    public Uni<List<AssessmentView>> ofPerson(String person) {
        return Assessment.<Assessment>list("person = ?1 order by version", person).map(list -> {
            List<AssessmentView> views = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                views.add(AssessmentView.of(list.get(i), i == 0 ? null : list.get(i - 1)));
            }
            return views;
        });
    }

    private static Assessment next(AssessmentRequest request, List<FactorRating> factors, Assessment latest) {
        Assessment assessment = new Assessment();
        assessment.id = UUID.randomUUID();
        assessment.person = request.person();
        assessment.assessedOn = request.assessedOn();
        assessment.assessor = request.assessor();
        assessment.engagement = request.engagement();
        assessment.intent = request.intent();
        assessment.capability = request.capability();
        assessment.overall = request.overall();
        assessment.rationale = request.rationale();
        assessment.prompt = request.prompt();
        assessment.factorSet = request.factorSet();
        assessment.factorSetVersion = request.factorSet() == null ? null : request.factorSetVersion();
        assessment.factors(factors);
        assessment.version = latest == null ? 1 : latest.version + 1;
        assessment.previous = latest == null ? null : latest.id;
        return assessment;
    }

    private static Uni<Assessment> latestOf(String person) {
        return Assessment.<Assessment>find("person = ?1 order by version desc", person).firstResult();
    }

    /** A prompt names a review trigger this agency's inbox received about the person, or it is refused (422). */
    private static Uni<Void> requirePrompt(AssessmentRequest request) {
        if (request.prompt() == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT count(*) FROM inbox_event WHERE id = ?1 AND type = ?2 AND subject = ?3", Long.class)
                .setParameter(1, request.prompt().toString())
                .setParameter(2, REVIEW_TRIGGER)
                .setParameter(3, request.person())
                .getSingleResult())
                .invoke(count -> {
                    if (count == 0) {
                        throw Validation.invalid("prompt", "no review trigger " + request.prompt()
                                + " about this person reached this agency's inbox");
                    }
                })
                .replaceWithVoid();
    }

    private static boolean concurrentVersion(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("assessment_version")) {
                return true;
            }
        }
        return false;
    }
}
