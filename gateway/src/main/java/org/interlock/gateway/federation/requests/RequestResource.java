package org.interlock.gateway.federation.requests;

import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
import org.interlock.gateway.audit.AuditTrail;
import org.interlock.gateway.audit.Evidence;
import org.interlock.gateway.audit.RequestTrace;
import org.interlock.gateway.identity.CallerPrincipal;
import org.interlock.gateway.people.LinkedCaseload;
import org.interlock.platform.problem.Problem;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;
import org.interlock.platform.problem.Validation;
import org.interlock.policy.Principal;

/**
 * Requests for information between federated deployments (ADR 0021; Directive (EU) 2023/977). Officers ask a
 * peer and follow their agency's requests; the single point of contact ({@code federation-spoc}) sees what peers
 * ask and answers. Every write is checked before anything is stored or sent, and audited with what it sends.
 */
@Path(RequestResource.PATH)
@Blocking
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Federation", description = "Signed envelopes between Interlock deployments (ADR 0021)")
public class RequestResource {

    public static final String PATH = "/federation/v1/requests";
    private static final int LIMIT = 500;

    private final RequestSender sender;
    private final RequestAnswerer answerer;
    private final RequestStore requests;
    private final CallerPrincipal caller;
    private final LinkedCaseload caseload;
    private final AuditTrail trail;

    public RequestResource(RequestSender sender, RequestAnswerer answerer, RequestStore requests,
            CallerPrincipal caller, LinkedCaseload caseload, AuditTrail trail) {
        this.sender = sender;
        this.answerer = answerer;
        this.requests = requests;
        this.caller = caller;
        this.caseload = caseload;
        this.trail = trail;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({RequestRoles.OFFENDER_MANAGER, RequestRoles.PROBATION_OFFICER, RequestRoles.INTELLIGENCE_OFFICER})
    @Operation(summary = "Ask a federation peer for information about a person",
            description = "Queued to the peer as a signed request envelope; stored as sent, with its deadline by"
                    + " urgency. An officer asks only about a person on their caseload (403 otherwise, recorded)."
                    + " A request without a justification, to a peer that is not anchored, or for a purpose"
                    + " or category the policy does not know is refused (422) and nothing is stored or sent. A request"
                    + " is a disclosure of the officer's agency: it leaves only under an agreement to the peer for"
                    + " category information-request and the request's purpose (403 otherwise, recorded ASK_PEER).")
    @APIResponse(responseCode = "201", description = "Queued to the peer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestViews.RequestView.class)))
    @APIResponse(responseCode = "400", description = "Not JSON", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an officer, the person is not on the officer's caseload, or"
            + " no agreement permits the request (recorded)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Federation is not enabled", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Not a request for information", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response ask(RequestForm form, @HeaderParam("traceparent") String traceparent) throws SQLException {
        StoredRequest sent = sender.send(form, caller.principal(), actor(),
                RequestTrace.of(null, traceparent).traceId());
        return Response.created(URI.create(PATH + "/" + sent.id())).entity(RequestViews.RequestView.of(sent))
                .type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @RolesAllowed({RequestRoles.OFFENDER_MANAGER, RequestRoles.PROBATION_OFFICER, RequestRoles.INTELLIGENCE_OFFICER,
            RequestRoles.SPOC})
    @Operation(summary = "Requests for information, with their states",
            description = "direction=outgoing: the requests of the caller's agency that the caller sent or that are"
                    + " about a person on the caller's caseload (officers). direction=incoming: the requests peers"
                    + " sent here (the single point of contact only). Every request shown is recorded"
                    + " (DISCLOSE_REST).")
    @APIResponse(responseCode = "200", description = "The requests",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestViews.RequestList.class)))
    @APIResponse(responseCode = "403", description = "Not for the caller's role", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "No or an unknown direction", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public RequestViews.RequestList list(@QueryParam("direction") String direction,
            @HeaderParam("traceparent") String traceparent) throws SQLException {
        Principal principal = caller.principal();
        List<StoredRequest> found = switch (Direction.fromCode(direction)
                .orElseThrow(() -> Validation.invalid("direction", "must be outgoing or incoming"))) {
            case OUTGOING -> {
                allowed(principal.holdsAnyOf(RequestRoles.OFFICERS) && principal.agency() != null);
                yield requests.outgoing(principal.agency(), LIMIT).stream()
                        .filter(request -> principal.username() != null
                                && principal.username().equals(request.requester().subject())
                                || caseload.includes(principal, request.person()))
                        .toList();
            }
            case INCOMING -> {
                allowed(principal.roles().contains(RequestRoles.SPOC));
                yield requests.incoming(LIMIT);
            }
        };
        trail.recordAndWait(found.stream().map(request -> shown(request, traceparent)).toList());
        return new RequestViews.RequestList(found.stream().map(RequestViews.RequestView::of).toList());
    }

    /**
     * A request shown names a person, a peer and an officer's justification: each is a disclosure, recorded. An
     * officer sees their own requests and those about a person on their caseload; the contact, every incoming one.
     */
    private AuditRecord shown(StoredRequest request, String traceparent) {
        return AuditRecord.builder(Instant.now(), actor(), Action.DISCLOSE_REST, Decision.permit(
                        request.direction() == Direction.INCOMING ? "single-point-of-contact" : "own-or-caseload"))
                .resource(new Resource(AnswerDecisions.RESOURCE_TYPE, request.id().toString(), request.person(), null, null))
                .requestId(request.requestId())
                .traceId(RequestTrace.of(null, traceparent).traceId())
                .build();
    }

    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(RequestRoles.SPOC)
    @Operation(summary = "Answer a peer's request for information",
            description = "The single point of contact answers, partly answers or refuses, with a coded reason per"
                    + " refused part (ADR 0021). Each released part is decided by the disclosure point for the"
                    + " requesting peer under the request's purpose; a part it refuses is withheld as not-permitted."
                    + " The answer is queued to the peer under the given handling conditions.")
    @APIResponse(responseCode = "200", description = "Answer queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestViews.AnswerView.class)))
    @APIResponse(responseCode = "403", description = "Not the single point of contact", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such incoming request", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Answered already", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Not an answer", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public RequestViews.AnswerView answer(@PathParam("id") String id, AnswerForm form,
            @HeaderParam("traceparent") String traceparent) throws SQLException {
        return RequestViews.AnswerView.of(answerer.answer(uuid(id), form, actor(),
                RequestTrace.of(null, traceparent).traceId()));
    }

    private Actor actor() {
        return Evidence.actor(caller.principal(), caller.client());
    }

    private static void allowed(boolean allowed) {
        if (!allowed) {
            throw new ProblemException(ProblemType.FORBIDDEN, "These requests are not open to the caller's role");
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("There is no request for information of that id");
        }
    }
}
