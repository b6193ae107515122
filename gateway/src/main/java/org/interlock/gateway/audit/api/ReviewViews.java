package org.interlock.gateway.audit.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.interlock.gateway.audit.store.StoredReview;

/** What the break-glass review API reads and answers. */
public final class ReviewViews {

    /** The longest note an auditor may give with a verdict. */
    public static final int MAX_NOTE = 2000;

    private ReviewViews() {
    }

    /** An auditor's verdict on a break-glass access, with the reasons in a note. */
    public record VerdictRequest(@NotNull @Pattern(regexp = "justified|unjustified") String verdict,
            @NotBlank @Size(max = MAX_NOTE) String note) {
    }

    /** Who broke the glass. */
    public record Actor(String subject, String agency, String org) {
    }

    /**
     * A review, named by {@code disclosure}: the sequence of the break-glass record it reviews (read it
     * with {@code /audit/v1/proofs/inclusion?sequence=}). Verdict, note and who gave it when are null
     * while it is open; {@code verdictRecord} is the sequence of the verdict's own audit record.
     */
    public record ReviewView(long disclosure, Actor actor, String person, String reason, Instant openedAt,
            String state, boolean overdue, String verdict, String note, String verdictBy, Instant verdictAt,
            Long verdictRecord) {
    }

    /** A page of reviews and the cursor of the next page (null on the last one). */
    public record ReviewPage(List<ReviewView> reviews, String next) {
    }

    static AuditViews.ReviewState state(StoredReview review) {
        return new AuditViews.ReviewState(stateOf(review), review.verdict());
    }

    static ReviewView view(StoredReview review, Instant overdueBefore) {
        return new ReviewView(review.disclosure(),
                new Actor(review.actorSubject(), review.actorAgency(), review.actorOrg()), review.person(),
                review.reason(), review.openedAt(), stateOf(review),
                review.open() && review.openedAt().isBefore(overdueBefore), review.verdict(), review.note(),
                review.decidedBy(), review.decidedAt(), review.verdictRecord());
    }

    private static String stateOf(StoredReview review) {
        return review.open() ? "open" : "closed";
    }
}
