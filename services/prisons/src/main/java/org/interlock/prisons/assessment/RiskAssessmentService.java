package org.interlock.prisons.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.actor.Actor;
import org.interlock.agency.outbox.DomainEvent;
import org.interlock.agency.outbox.Outbox;
import org.interlock.agency.outbox.Transactions;
import org.interlock.contracts.PersonReference;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.Validation;
import org.interlock.prisons.PrisonsEvents;
import org.interlock.prisons.custody.CustodyService;

/** Structured extremism risk assessments of persons in custody here, as a history: each a version of the last. */
@ApplicationScoped
public class RiskAssessmentService {

    /**
     * @param prompt the review-trigger notice this assessment answers (its id, as this agency's inbox
     *               received it about the person), or null
     */
    public record Assess(
            @NotNull @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person,
            @NotNull LocalDate assessedOn,
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,63}", message = "must be a Keycloak username") String assessor,
            @NotNull RiskLevel engagement,
            @NotNull RiskLevel intent,
            @NotNull RiskLevel capability,
            @NotNull RiskLevel overall,
            @NotNull @Size(min = 1, max = 4000) String rationale,
            UUID prompt) {
    }

    /** A rating that differs from the previous assessment's. */
    public record Change(String domain, RiskLevel from, RiskLevel to) {
    }

    /**
     * An assessment as read and as published: with its place in the person's history and what
     * changed since the one before (every domain and the overall rating; empty for the first).
     */
    public record View(UUID id, String person, LocalDate assessedOn, String assessor, RiskLevel engagement,
            RiskLevel intent, RiskLevel capability, RiskLevel overall, String rationale, int version, UUID previous,
            List<Change> changes, UUID prompt) {

        static View of(RiskAssessment a, RiskAssessment before) {
            return new View(a.id, a.person, a.assessedOn, a.assessor, a.engagement, a.intent, a.capability,
                    a.overall, a.rationale, a.version, a.previous, RiskAssessmentService.changes(before, a), a.prompt);
        }
    }

    private static final String REVIEW_TRIGGER = "org.interlock.gateway.review-trigger.fired.v1";

    private final Transactions transactions;
    private final Outbox outbox;
    private final Actor actor;

    public RiskAssessmentService(Transactions transactions, Outbox outbox, Actor actor) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.actor = actor;
    }

    /** The next version of the person's assessment; two recorded at once cannot both be it (409). */
    public Uni<View> assess(Assess request) {
        if (!request.assessor().equals(actor.username())) {
            // Whoever records an assessment is its assessor: nobody signs one in a colleague's name.
            throw Validation.invalid("assessor", "must be you, who record the assessment");
        }
        return transactions.commit(() -> CustodyService.openEpisodeOf(request.person())
                .onItem().ifNull().failWith(() -> ProblemException.unknownPerson(request.person()))
                .call(() -> requirePrompt(request))
                .chain(() -> latestOf(request.person()))
                .chain(latest -> next(request, latest).<RiskAssessment>persist()
                        .map(saved -> View.of(saved, latest)))
                .call(view -> outbox.append(DomainEvent.of(PrisonsEvents.RISK_ASSESSED, view.person(), view))))
                .onFailure(RiskAssessmentService::concurrentVersion).transform(e -> ProblemException.conflict(
                        "Another assessment of the person was recorded at the same moment; read the history and retry"));
    }

    @WithSession
    public Uni<List<View>> ofPerson(String person) {
        return RiskAssessment.<RiskAssessment>list("person = ?1 order by version", person).map(list -> {
            List<View> views = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                views.add(View.of(list.get(i), i == 0 ? null : list.get(i - 1)));
            }
            return views;
        });
    }

    private static RiskAssessment next(Assess request, RiskAssessment latest) {
        RiskAssessment assessment = new RiskAssessment();
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
        assessment.version = latest == null ? 1 : latest.version + 1;
        assessment.previous = latest == null ? null : latest.id;
        return assessment;
    }

    private static Uni<RiskAssessment> latestOf(String person) {
        return RiskAssessment.<RiskAssessment>find("person = ?1 order by version desc", person).firstResult();
    }

    /** A prompt names a review trigger this agency's inbox received about the person, or it is refused (422). */
    private static Uni<Void> requirePrompt(Assess request) {
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

    private static List<Change> changes(RiskAssessment before, RiskAssessment after) {
        if (before == null) {
            return List.of();
        }
        List<Change> changes = new ArrayList<>();
        change(changes, "engagement", before.engagement, after.engagement);
        change(changes, "intent", before.intent, after.intent);
        change(changes, "capability", before.capability, after.capability);
        change(changes, "overall", before.overall, after.overall);
        return changes;
    }

    private static void change(List<Change> changes, String domain, RiskLevel from, RiskLevel to) {
        if (from != to) {
            changes.add(new Change(domain, from, to));
        }
    }

    private static boolean concurrentVersion(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("risk_assessment_version")) {
                return true;
            }
        }
        return false;
    }
}
