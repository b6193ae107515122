package org.interlock.gateway.enforcement;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import org.interlock.contracts.Agency;
import org.interlock.gateway.audit.AuditTrail;
import org.interlock.gateway.audit.RequestTrace;
import org.interlock.gateway.identity.CallerPrincipal;
import org.interlock.policy.PolicyEngine;
import org.interlock.gateway.proxy.AgencyServices;
import org.interlock.gateway.proxy.Upstream;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;

/**
 * The agency APIs as the outside world sees them: {@code /api/v1/{agency}/...}. In order:
 * authenticate (a verified Keycloak token, by quarkus-oidc), check the declared purpose, decide,
 * record the decision in the audit trail, and only once that record is durable forward a change to
 * the agency service or release what the decision allows of its answer.
 */
@Path("/api/v1/{agency}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AgencyApiResource {

    static final String CORRELATION = "X-Correlation-Id";
    static final String TRACEPARENT = "traceparent";

    private final CallerPrincipal caller;
    private final PolicyEngine policy;
    private final Enforcement enforcement;
    private final AgencyServices services;
    private final AuditTrail audit;

    public AgencyApiResource(CallerPrincipal caller, PolicyEngine policy, Enforcement enforcement,
            AgencyServices services, AuditTrail audit) {
        this.caller = caller;
        this.policy = policy;
        this.enforcement = enforcement;
        this.services = services;
        this.audit = audit;
    }

    @GET
    @Path("{path: .+}")
    public Uni<Response> read(@PathParam("agency") String agency, @PathParam("path") String path,
            @Context UriInfo uri, @HeaderParam(PurposeOfUse.HEADER) String purpose,
            @HeaderParam(PurposeOfUse.BREAK_GLASS) String breakGlass,
            @HeaderParam(CORRELATION) String correlation, @HeaderParam(TRACEPARENT) String traceparent) {
        Enforcement.Ask ask = ask(agency, path, purpose, breakGlass, RequestTrace.of(correlation, traceparent));
        return services.call(ask.entry().agency(), HttpMethod.GET, path, uri.getRequestUri().getRawQuery(), null,
                        ask.trace().requestId())
                .chain(upstream -> upstream.ok() && upstream.json()
                        ? released(ask, upstream)
                        : Uni.createFrom().item(passOn(upstream)));
    }

    /** Records every decision about the answer, then releases what they allow. */
    private Uni<Response> released(Enforcement.Ask ask, Upstream upstream) {
        Enforcement.Release release = enforcement.release(ask, upstream);
        return audit.record(release.evidence()).map(recorded -> {
            if (!release.found()) {
                throw new ProblemException(ProblemType.NOT_FOUND, "Not found");
            }
            return Response.ok(release.body()).build();
        });
    }

    @POST
    @Path("{path: .+}")
    public Uni<Response> create(@PathParam("agency") String agency, @PathParam("path") String path,
            @HeaderParam(PurposeOfUse.HEADER) String purpose, @HeaderParam(CORRELATION) String correlation,
            @HeaderParam(TRACEPARENT) String traceparent, String body) {
        return write(HttpMethod.POST, agency, path, purpose, RequestTrace.of(correlation, traceparent), body);
    }

    @PUT
    @Path("{path: .+}")
    public Uni<Response> update(@PathParam("agency") String agency, @PathParam("path") String path,
            @HeaderParam(PurposeOfUse.HEADER) String purpose, @HeaderParam(CORRELATION) String correlation,
            @HeaderParam(TRACEPARENT) String traceparent, String body) {
        return write(HttpMethod.PUT, agency, path, purpose, RequestTrace.of(correlation, traceparent), body);
    }

    /**
     * A change to an existing record is decided on that record as the service holds it (its
     * person, its organisation), read first with the gateway's identity; a new record on its body.
     */
    private Uni<Response> write(HttpMethod method, String agency, String path, String purpose, RequestTrace trace,
            String body) {
        Enforcement.Ask ask = ask(agency, path, purpose, null, trace);
        return existingRecord(ask, path)
                .map(existing -> enforcement.authoriseWrite(ask, body, existing))
                .call(decision -> audit.record(List.of(decision.evidence())))
                .invoke(decision -> {
                    if (!decision.permitted()) {
                        throw new ProblemException(ProblemType.FORBIDDEN, "Only the owning agency's staff may change these records");
                    }
                })
                .chain(() -> services.call(ask.entry().agency(), method, path, null, body == null ? "" : body,
                        trace.requestId()))
                .map(AgencyApiResource::passOn);
    }

    private Uni<byte[]> existingRecord(Enforcement.Ask ask, String path) {
        return ResourceCatalogue.recordPath(path)
                .map(record -> services.call(ask.entry().agency(), HttpMethod.GET, record, null, null,
                        ask.trace().requestId())
                        .map(upstream -> upstream.ok() && upstream.json() ? upstream.body() : null))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    private Enforcement.Ask ask(String agency, String path, String purpose, String breakGlass, RequestTrace trace) {
        Agency owner = agency(agency);
        ResourceCatalogue.Entry entry = ResourceCatalogue.find(owner, path)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "Not found"));
        return new Enforcement.Ask(caller.principal(), caller.client(), entry, PurposeOfUse.require(purpose, policy),
                PurposeOfUse.breakGlass(breakGlass), trace);
    }

    private static Agency agency(String id) {
        try {
            return Agency.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Not found");
        }
    }

    /** The service's own answer (its problem documents included), unchanged: the caller may write here. */
    private static Response passOn(Upstream upstream) {
        return Response.status(upstream.status())
                .type(upstream.contentType() == null ? MediaType.APPLICATION_JSON : upstream.contentType())
                .entity(upstream.body())
                .build();
    }
}
