package org.interlock.gateway.enforcement;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interlock.contracts.catalogue.Catalogue;
import org.interlock.gateway.audit.RequestTrace;
import org.interlock.gateway.catalogue.ServiceCatalogues;
import org.interlock.gateway.identity.CallerPrincipal;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;
import org.interlock.policy.PolicyEngine;

/**
 * The agency APIs as the outside world sees them: {@code /api/v1/{agency}/...}. In order:
 * authenticate (a verified Keycloak token, by quarkus-oidc), understand the request from its raw
 * path and query (a catalogue operation, or 400/404), check the declared purpose, then decide,
 * record and release or forward ({@link Enforcement}). The typed contract of every path is in the
 * gateway's OpenAPI document, built from the services' own (this generic resource is hidden there).
 */
@Path("/api/v1/{agency}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AgencyApiResource {

    static final String CORRELATION = "X-Correlation-Id";
    static final String TRACEPARENT = "traceparent";

    private final CallerPrincipal caller;
    private final PolicyEngine policy;
    private final ServiceCatalogues catalogues;
    private final Enforcement enforcement;

    public AgencyApiResource(CallerPrincipal caller, PolicyEngine policy, ServiceCatalogues catalogues,
            Enforcement enforcement) {
        this.caller = caller;
        this.policy = policy;
        this.catalogues = catalogues;
        this.enforcement = enforcement;
    }

    @GET
    @Path("{path: .+}")
    @Operation(hidden = true)
    public Uni<Response> read(@Context HttpServerRequest http, @HeaderParam(PurposeOfUse.HEADER) String purpose,
            @HeaderParam(CORRELATION) String correlation, @HeaderParam(TRACEPARENT) String traceparent) {
        return enforcement.read(ask(http, purpose, PurposeOfUse.breakGlass(breakGlassHeader(http)),
                RequestTrace.of(correlation, traceparent)));
    }

    @POST
    @Path("{path: .+}")
    @Operation(hidden = true)
    public Uni<Response> create(@Context HttpServerRequest http, @HeaderParam(PurposeOfUse.HEADER) String purpose,
            @HeaderParam(CORRELATION) String correlation, @HeaderParam(TRACEPARENT) String traceparent, String body) {
        return enforcement.write(ask(http, purpose, null, RequestTrace.of(correlation, traceparent)), HttpMethod.POST,
                body);
    }

    @PUT
    @Path("{path: .+}")
    @Operation(hidden = true)
    public Uni<Response> update(@Context HttpServerRequest http, @HeaderParam(PurposeOfUse.HEADER) String purpose,
            @HeaderParam(CORRELATION) String correlation, @HeaderParam(TRACEPARENT) String traceparent, String body) {
        return enforcement.write(ask(http, purpose, null, RequestTrace.of(correlation, traceparent)), HttpMethod.PUT,
                body);
    }

    /**
     * The break-glass reason as sent: a header given with a blank value is a reason that states
     * nothing, to be refused, not taken as no header (the framework's header parameter is null for
     * an empty value).
     */
    private static String breakGlassHeader(HttpServerRequest http) {
        if (!http.headers().contains(PurposeOfUse.BREAK_GLASS)) {
            return null;
        }
        String reason = http.getHeader(PurposeOfUse.BREAK_GLASS);
        return reason == null ? "" : reason;
    }

    /** The request understood, or a problem: 400 for a path or query outside the rules, 404 for no such operation. */
    private Ask ask(HttpServerRequest http, String purpose, String breakGlass, RequestTrace trace) {
        ApiRequest request = ApiRequest.parse(http.path(), http.query());
        Catalogue.Match match = catalogues.of(request.agency()).match(http.method().name(), request.segments())
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "Not found"));
        return new Ask(caller.principal(), caller.client(), request, match, request.queryFor(match.operation()),
                PurposeOfUse.require(purpose, policy), breakGlass, trace);
    }
}
