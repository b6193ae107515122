package org.interlock.gateway.federation.outcomes;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.Decision;
import org.interlock.audit.record.Resource;
import org.interlock.contracts.Agency;
import org.interlock.federation.outcomes.OutcomeCount;
import org.interlock.gateway.audit.AuditTrail;
import org.interlock.gateway.audit.Evidence;
import org.interlock.gateway.audit.RequestTrace;
import org.interlock.gateway.federation.Federation;
import org.interlock.gateway.identity.CallerPrincipal;
import org.interlock.platform.problem.Problem;
import org.interlock.platform.problem.Validation;

/**
 * What works, not who (issue 18, ADR 0021): the outcomes of interventions by type, period and outcome, small counts
 * suppressed. The single point of contact publishes an ended period to the peers; analysts and managers read this
 * deployment's table beside the peers' — never a small count, at home either.
 */
@Path(OutcomesResource.PATH)
@Blocking
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Federation", description = "Signed envelopes between Interlock deployments (ADR 0021)")
public class OutcomesResource {

    public static final String PATH = "/federation/v1/outcomes";
    static final String ANALYST = "analyst";
    static final String TEAM_MANAGER = "team-manager";
    static final String PARTNERSHIP_MANAGER = "partnership-manager";

    private final OutcomesPublisher publisher;
    private final OutcomeTally tally;
    private final OutcomeTables tables;
    private final PeerOutcomes peers;
    private final AuditTrail trail;
    private final CallerPrincipal caller;
    private final OutcomesConfig config;

    public OutcomesResource(OutcomesPublisher publisher, OutcomeTally tally, OutcomeTables tables, PeerOutcomes peers,
            AuditTrail trail, CallerPrincipal caller, OutcomesConfig config) {
        this.publisher = publisher;
        this.tally = tally;
        this.tables = tables;
        this.peers = peers;
        this.trail = trail;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @RolesAllowed({ANALYST, TEAM_MANAGER, PARTNERSHIP_MANAGER, Federation.SPOC_ROLE})
    @Operation(summary = "Outcomes of interventions for a period, this deployment's beside its peers'",
            description = "This deployment's counts of the arranging agencies' interventions that ended in the period,"
                    + " by type and outcome, suppressed exactly as they would be published (interlock.federation"
                    + ".outcomes.minimum-cell), beside each peer's published table for that period. Every read is"
                    + " audited (READ_OUTCOMES).")
    @APIResponse(responseCode = "200", description = "The tables",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OutcomesViews.Tables.class)))
    @APIResponse(responseCode = "403", description = "Not an analyst, manager or the single point of contact", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Not an ended period of the kind this deployment compares by (interlock.federation.outcomes.period-kind: a quarter, 2026-Q3, or a month, 2026-09)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public OutcomesViews.Tables read(@QueryParam("period") String code, @HeaderParam("traceparent") String traceparent)
            throws SQLException {
        Period period = endedPeriod(code);
        Map<Agency, List<OutcomeCount>> counts = tally.counts(period);
        List<OutcomesViews.PeerTable> published = peers.forPeriod(period).stream()
                .map(p -> new OutcomesViews.PeerTable(p.peer(), p.publishedAt(),
                        OutcomesViews.Cell.of(tables.asShownHere(p.cells())))).toList();
        OutcomesViews.Tables answer = new OutcomesViews.Tables(period.code(), tables.minimumCell(),
                OutcomesViews.Cell.of(tables.table(period.code(), counts, OutcomesPublisher.ARRANGING)), published);
        trail.recordAndWait(List.of(AuditRecord.builder(Instant.now(), actor(), Action.READ_OUTCOMES,
                        Decision.permit("read"))
                .resource(new Resource(OutcomesPublisher.CATEGORY, period.code(), null, null, null))
                .traceId(RequestTrace.of(null, traceparent).traceId())
                .build()));
        return answer;
    }

    @POST
    @Path("/publications")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Federation.SPOC_ROLE)
    @Operation(summary = "Publish a period's outcomes to the federation peers",
            description = "For every anchored peer, each arranging agency's counts are put to the disclosure point as"
                    + " category intervention-outcomes to federation:<peer> (purpose oversight); the agencies it"
                    + " permits are added up, small cells suppressed, and sent as an OUTCOMES envelope"
                    + " (org.interlock.federation.outcomes.v1, data as OutcomesEnvelopeData). A peer no agreement"
                    + " permits gets nothing. Every decision is a PUBLISH_OUTCOMES record; every sending a"
                    + " SEND_ENVELOPE record. A period goes to a peer once (already-published after that): two tables of one period"
                    + " would give away by subtraction what late-recorded outcomes changed.")
    @APIResponse(responseCode = "200", description = "Per peer, sent or refused",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OutcomesViews.Publication.class)))
    @APIResponse(responseCode = "403", description = "Not the single point of contact", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Federation is not enabled", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "A peer ceased to be anchored meanwhile", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Not a period of the kind this deployment compares by, or one that has not ended", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public OutcomesViews.Publication publish(OutcomesViews.PublicationForm form,
            @HeaderParam("traceparent") String traceparent) throws SQLException {
        Period period = endedPeriod(form == null ? null : form.period());
        List<OutcomesPublisher.PeerResult> results = publisher.publish(period, actor(),
                RequestTrace.of(null, traceparent).traceId());
        return new OutcomesViews.Publication(period.code(), results.stream()
                .map(OutcomesViews.PeerPublication::of).toList());
    }

    private Actor actor() {
        return Evidence.actor(caller.principal(), caller.client());
    }

    /**
     * A period of the kind this deployment compares by, and ended: the other kind, or a period still running (whose
     * table, read day by day, would tell what ended each day), is 422, as an unreadable code is.
     */
    private Period endedPeriod(String code) {
        Period period = period(code);
        if (!period.endedBefore(OutcomesPublisher.today())) {
            throw Validation.invalid("period", "a period is shown and published once it has ended");
        }
        return period;
    }

    private Period period(String code) {
        Period.Kind kind = config.periodKind();
        return Period.parse(code).filter(period -> period.kind() == kind).orElseThrow(() -> Validation.invalid(
                "period", "must be " + kind.example() + ": this deployment compares outcomes by "
                        + kind.name().toLowerCase(Locale.ROOT)));
    }
}
