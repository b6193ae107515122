package org.interlock.gateway.audit.api;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.Blocking;
import org.interlock.gateway.audit.AuditTrail;
import org.interlock.gateway.audit.Evidence;
import org.interlock.gateway.audit.RequestTrace;
import org.interlock.gateway.audit.review.ReviewConfig;
import org.interlock.gateway.audit.store.ReviewStore;
import org.interlock.gateway.audit.store.StoredReview;
import org.interlock.gateway.identity.CallerPrincipal;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;
import org.interlock.platform.problem.Validation;

/**
 * Break-glass reviews, for auditors only: every access permitted by break-glass opens one (in the
 * transaction that records the access); an auditor closes it with a verdict, which is appended to
 * the log as a REVIEW_BREAK_GLASS record in the same transaction. Listing is audited like any query.
 */
@Path("/audit/v1/reviews")
@RolesAllowed("auditor")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    private final ReviewStore reviews;
    private final AuditTrail audit;
    private final CallerPrincipal caller;
    private final ReviewConfig config;

    public ReviewResource(ReviewStore reviews, AuditTrail audit, CallerPrincipal caller, ReviewConfig config) {
        this.reviews = reviews;
        this.audit = audit;
        this.caller = caller;
        this.config = config;
    }

    @GET
    public ReviewViews.ReviewPage list(@QueryParam("state") String state, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit, @HeaderParam("X-Correlation-Id") String correlation)
            throws SQLException {
        Boolean open = open(state);
        long after = RecordQueryParams.cursor(cursor);
        int pageSize = RecordQueryParams.limit(limit);
        audit.recordAndWait(List.of(Evidence.auditQuery(Evidence.actor(caller.principal(), caller.client()),
                "reviews" + (state == null ? "" : "?state=" + state), null, RequestTrace.of(correlation, null))));
        List<StoredReview> found = reviews.find(open, after, pageSize);
        Instant overdueBefore = Instant.now().minus(config.reviewOverdueAfter());
        return new ReviewViews.ReviewPage(found.stream().map(r -> ReviewViews.view(r, overdueBefore)).toList(),
                found.size() == pageSize ? Long.toString(found.getLast().disclosure()) : null);
    }

    /** Closes the review of the break-glass record {@code id} with the auditor's verdict: once, for good. */
    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReviewViews.ReviewView close(@PathParam("id") String id, @Valid @NotNull ReviewViews.VerdictRequest verdict,
            @HeaderParam("X-Correlation-Id") String correlation, @HeaderParam("traceparent") String traceparent)
            throws SQLException {
        StoredReview review = reviews.find(disclosure(id)).orElseThrow(ReviewResource::notFound);
        if (ownAccess(review)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Nobody gives the verdict on their own break-glass access: another auditor must review it");
        }
        if (!review.open()) {
            throw closedAlready(review.disclosure());
        }
        boolean justified = Evidence.JUSTIFIED.equals(verdict.verdict());
        try {
            StoredReview closed = reviews.close(review.disclosure(), Evidence.reviewVerdict(
                    Evidence.actor(caller.principal(), caller.client()), review.disclosure(), review.person(),
                    justified, RequestTrace.of(correlation, traceparent)), verdict.verdict(), verdict.note());
            return ReviewViews.view(closed, Instant.now().minus(config.reviewOverdueAfter()));
        } catch (ReviewStore.AlreadyClosed e) {
            throw closedAlready(review.disclosure());
        }
    }

    /** Whether the caller is who broke the glass (a user holding both roles): a judge in their own cause. */
    private boolean ownAccess(StoredReview review) {
        String auditor = caller.principal().username();
        return auditor != null && auditor.equals(review.actorSubject());
    }

    private static Boolean open(String state) {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case "open" -> Boolean.TRUE;
            case "closed" -> Boolean.FALSE;
            default -> throw Validation.invalid("state", "must be open or closed");
        };
    }

    /** A review is named by the sequence of its record; anything else names no review. */
    private static long disclosure(String id) {
        try {
            long sequence = Long.parseLong(id);
            if (sequence >= 0) {
                return sequence;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw notFound();
    }

    private static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no break-glass review of that name");
    }

    private static ProblemException closedAlready(long disclosure) {
        return new ProblemException(ProblemType.CONFLICT, "The review of record " + disclosure
                + " is closed already: its verdict stands");
    }
}
