package org.interlock.prisons.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.outbox.DomainEvent;
import org.interlock.agency.outbox.Outbox;
import org.interlock.agency.outbox.Transactions;
import org.interlock.contracts.PersonReference;
import org.interlock.platform.problem.ProblemException;
import org.interlock.prisons.PrisonsEvents;
import org.interlock.prisons.custody.CustodyService;

/** Structured extremism risk assessments of persons in custody here. */
@ApplicationScoped
public class RiskAssessmentService {

    public record Assess(
            @NotNull @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person,
            @NotNull LocalDate assessedOn,
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,63}", message = "must be a Keycloak username") String assessor,
            @NotNull RiskLevel engagement,
            @NotNull RiskLevel intent,
            @NotNull RiskLevel capability,
            @NotNull RiskLevel overall,
            @NotNull @Size(min = 1, max = 4000) String rationale) {
    }

    public record View(UUID id, String person, LocalDate assessedOn, String assessor, RiskLevel engagement,
            RiskLevel intent, RiskLevel capability, RiskLevel overall, String rationale) {

        static View of(RiskAssessment a) {
            return new View(a.id, a.person, a.assessedOn, a.assessor, a.engagement, a.intent, a.capability,
                    a.overall, a.rationale);
        }
    }

    private final Transactions transactions;
    private final Outbox outbox;

    public RiskAssessmentService(Transactions transactions, Outbox outbox) {
        this.transactions = transactions;
        this.outbox = outbox;
    }

    public Uni<View> assess(Assess request) {
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
        return transactions.commit(() -> CustodyService.openEpisodeOf(request.person())
                .onItem().ifNull().failWith(() -> ProblemException.unknownPerson(request.person()))
                .chain(() -> assessment.<RiskAssessment>persist())
                .call(saved -> outbox.append(DomainEvent.of(PrisonsEvents.RISK_ASSESSED, saved.person, View.of(saved))))
                .map(View::of));
    }

    @WithSession
    public Uni<List<View>> ofPerson(String person) {
        return RiskAssessment.<RiskAssessment>list("person = ?1 order by assessedOn", person)
                .map(list -> list.stream().map(View::of).toList());
    }
}
