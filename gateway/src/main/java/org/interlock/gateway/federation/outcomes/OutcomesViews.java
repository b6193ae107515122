package org.interlock.gateway.federation.outcomes;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.interlock.federation.outcomes.PublishedCell;

/** What the outcomes endpoints answer. */
public final class OutcomesViews {

    private OutcomesViews() {
    }

    @Schema(description = "One cell: how many interventions of a type that ended in the period had an outcome."
            + " A suppressed cell has no count: small, or hidden so that a small one cannot be worked out.")
    public record Cell(@Schema(example = "family-mediation") String interventionType,
            @Schema(example = "COMPLETED") String outcome,
            @Schema(nullable = true, description = "absent when suppressed") Long count,
            boolean suppressed) {

        static List<Cell> of(List<PublishedCell> cells) {
            return cells.stream().map(c -> new Cell(c.interventionType(), c.outcome(),
                    c.isSuppressed() ? null : c.count().getAsLong(), c.isSuppressed())).toList();
        }
    }

    @Schema(description = "A peer's table for the period, as it published it (counts below this side's minimum"
            + " shown suppressed too).")
    public record PeerTable(String peer, Instant publishedAt, List<Cell> cells) {
    }

    @Schema(description = "This deployment's table for the period, suppressed as it would be published, beside"
            + " each peer's published table.")
    public record Tables(@Schema(example = "2026-Q3") String period, int minimumCell, List<Cell> own,
            List<PeerTable> peers) {
    }

    @Schema(description = "A period to publish, of the kind this deployment compares by (a quarter, 2026-Q3, or a"
            + " month, 2026-09), that has ended.")
    public record PublicationForm(@Schema(example = "2026-Q3") String period) {
    }

    @Schema(description = "What happened for one anchored peer: sent under an agreement, refused (nothing sent), or"
            + " already published (the period went to that peer before; nothing sent).")
    public record PeerPublication(String peer,
            @Schema(enumeration = {"sent", "refused", "already-published"}) String outcome,
            @Schema(description = "the arranging agencies whose counts were published") List<String> agencies,
            int cells, int suppressed,
            @Schema(nullable = true, description = "the SEND_ENVELOPE record's sequence (the envelope's seq)") Long sequence) {

        static PeerPublication of(OutcomesPublisher.PeerResult result) {
            return new PeerPublication(result.peer(), result.outcome().code(), result.agencies(),
                    result.cells(), result.suppressed(), result.sequence());
        }
    }

    @Schema(description = "A publication: the period and, per anchored peer, what was sent or refused.")
    public record Publication(String period, List<PeerPublication> peers) {
    }

    @Schema(description = "The data of an OUTCOMES envelope (CloudEvent type org.interlock.federation.outcomes.v1,"
            + " about no person): the period and its cells; a suppressed cell is {interventionType, outcome,"
            + " suppressed: true} and never carries a number. A receiver refuses the whole envelope as malformed when"
            + " any cell is not so, names an invalid type or outcome, repeats, or shows a count from 1 to 2.")
    public record OutcomesEnvelopeData(@Schema(example = "2026-Q3") String period, List<EnvelopeCell> cells) {
    }

    @Schema(description = "A cell of an OUTCOMES envelope: count, or suppressed: true, never both.")
    public record EnvelopeCell(String interventionType, String outcome, @Schema(nullable = true) Long count,
            @Schema(nullable = true) Boolean suppressed) {
    }
}
