package org.interlock.probation.release;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import org.interlock.agency.inbox.InboxEvent;
import org.interlock.agency.inbox.InboxHandler;
import org.interlock.agency.inbox.UnprocessableEvent;
import org.interlock.probation.supervision.CaseService;
import org.interlock.probation.supervision.SupervisionCase;

/**
 * When prisons sets a release date or releases a person that probation does not supervise yet,
 * probation opens a supervision case on licence, dated from the release.
 */
@ApplicationScoped
public class ReleaseReaction implements InboxHandler {

    private static final Set<String> RELEASE_EVENTS = Set.of(
            "org.interlock.prisons.custody.release-date-set.v1",
            "org.interlock.prisons.custody.released.v1");

    private final CaseService cases;

    public ReleaseReaction(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public boolean handles(String type) {
        return RELEASE_EVENTS.contains(type);
    }

    @Override
    public Uni<Void> handle(InboxEvent event) {
        LocalDate from = releaseDate(event);
        return cases.openCase(event.subject(), SupervisionCase.Basis.LICENCE, from).replaceWithVoid();
    }

    private static LocalDate releaseDate(InboxEvent event) {
        String date = event.data().path("releasedOn").asText(null);
        if (date == null || date.isBlank()) {
            date = event.data().path("releaseDate").asText(null);
        }
        if (date == null || date.isBlank()) {
            throw new UnprocessableEvent("release event without releasedOn or releaseDate");
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new UnprocessableEvent("release date is not an ISO date");
        }
    }
}
