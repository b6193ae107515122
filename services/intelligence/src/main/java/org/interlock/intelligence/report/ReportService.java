package org.interlock.intelligence.report;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import org.interlock.agency.outbox.DomainEvent;
import org.interlock.agency.outbox.Outbox;
import org.interlock.agency.outbox.Transactions;
import org.interlock.contracts.PersonReference;
import org.interlock.intelligence.IntelligenceEvents;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.Validation;

/** Filing graded reports and releasing their sanitised summaries. */
@ApplicationScoped
public class ReportService {

    public record File(
            @NotNull @Pattern(regexp = PersonReference.REGEX, message = "must be urn:interlock:person:<uuid>") String person,
            @NotNull @Min(1) @Max(3) Integer sourceEvaluation,
            @NotNull IntelligenceReport.Assessment intelligenceAssessment,
            @NotNull IntelligenceReport.Handling handlingCode,
            @Size(max = 1000) String handlingConditions,
            @NotNull @Size(min = 1, max = 8000) String content,
            @NotNull LocalDate reportedOn) {
    }

    public record ReleaseSummary(@NotNull @Size(min = 1, max = 2000) String summary) {
    }

    public record View(UUID id, String person, int sourceEvaluation, IntelligenceReport.Assessment intelligenceAssessment,
            IntelligenceReport.Handling handlingCode, String handlingConditions, String content, String sanitisedSummary,
            LocalDate reportedOn) {

        static View of(IntelligenceReport r) {
            return new View(r.id, r.person, r.sourceEvaluation, r.intelligenceAssessment, r.handlingCode,
                    r.handlingConditions, r.content, r.sanitisedSummary, r.reportedOn);
        }
    }

    /** What a sanitised summary event carries: never the report's content or grading. */
    /** {@code intel.report}: the report as its event carries it, without the summary (a category of its own). */
    public record Filed(UUID id, String person, int sourceEvaluation, IntelligenceReport.Assessment intelligenceAssessment,
            IntelligenceReport.Handling handlingCode, String handlingConditions, String content, LocalDate reportedOn) {

        static Filed of(IntelligenceReport r) {
            return new Filed(r.id, r.person, r.sourceEvaluation, r.intelligenceAssessment, r.handlingCode,
                    r.handlingConditions, r.content, r.reportedOn);
        }
    }

    /** {@code intel.summary}: what may travel where the report may not, under the report's id. */
    public record Summary(UUID id, String person, String sanitisedSummary, LocalDate reportedOn) {
    }

    private final Transactions transactions;
    private final Outbox outbox;

    public ReportService(Transactions transactions, Outbox outbox) {
        this.transactions = transactions;
        this.outbox = outbox;
    }

    public Uni<View> file(File request) {
        boolean conditional = request.handlingCode() == IntelligenceReport.Handling.C;
        boolean hasConditions = request.handlingConditions() != null && !request.handlingConditions().isBlank();
        if (conditional != hasConditions) {
            throw Validation.invalid("handlingConditions", conditional
                    ? "are required with handling code C" : "are only given with handling code C");
        }
        IntelligenceReport report = new IntelligenceReport();
        report.id = UUID.randomUUID();
        report.person = request.person();
        report.sourceEvaluation = request.sourceEvaluation();
        report.intelligenceAssessment = request.intelligenceAssessment();
        report.handlingCode = request.handlingCode();
        report.handlingConditions = request.handlingConditions();
        report.content = request.content();
        report.reportedOn = request.reportedOn();
        return transactions.commit(() -> report.<IntelligenceReport>persist()
                .call(saved -> outbox.append(DomainEvent.of(IntelligenceEvents.REPORT_FILED, saved.person, Filed.of(saved))
                        .handledAs(saved.handlingCode.name())))
                .map(View::of));
    }

    public Uni<View> releaseSummary(UUID id, ReleaseSummary request) {
        return transactions.commit(() -> findReport(id)
                .invoke(report -> {
                    if (report.sanitisedSummary != null) {
                        throw ProblemException.conflict("Report " + id + " already has a sanitised summary");
                    }
                    report.sanitisedSummary = request.summary();
                })
                .call(report -> outbox.append(DomainEvent.of(IntelligenceEvents.SUMMARY_RELEASED, report.person,
                        new Summary(report.id, report.person, report.sanitisedSummary, report.reportedOn)).handledAs("P")))
                .map(View::of));
    }

    @WithSession
    public Uni<View> find(UUID id) {
        return findReport(id).map(View::of);
    }

    @WithSession
    public Uni<List<View>> ofPerson(String person) {
        return IntelligenceReport.<IntelligenceReport>list("person = ?1 order by reportedOn", person)
                .map(list -> list.stream().map(View::of).toList());
    }

    private static Uni<IntelligenceReport> findReport(UUID id) {
        return IntelligenceReport.<IntelligenceReport>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No intelligence report " + id));
    }
}
