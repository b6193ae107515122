package org.interlock.gateway.enforcement;

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
import org.interlock.gateway.identity.CallerPrincipal;
import org.interlock.gateway.policy.PolicyEngine;
import org.interlock.gateway.proxy.AgencyServices;
import org.interlock.gateway.proxy.Upstream;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;

/**
 * The agency APIs as the outside world sees them: {@code /api/v1/{agency}/...}. In order:
 * authenticate (a verified Keycloak token, by quarkus-oidc), check the declared purpose, decide,
 * then forward to the agency service and release only what the decision allows.
 */
@Path("/api/v1/{agency}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AgencyApiResource {

    private final CallerPrincipal caller;
    private final PolicyEngine policy;
    private final Enforcement enforcement;
    private final AgencyServices services;

    public AgencyApiResource(CallerPrincipal caller, PolicyEngine policy, Enforcement enforcement,
            AgencyServices services) {
        this.caller = caller;
        this.policy = policy;
        this.enforcement = enforcement;
        this.services = services;
    }

    @GET
    @Path("{path: .+}")
    public Uni<Response> read(@PathParam("agency") String agency, @PathParam("path") String path,
            @Context UriInfo uri, @HeaderParam(PurposeOfUse.HEADER) String purpose,
            @HeaderParam(PurposeOfUse.BREAK_GLASS) String breakGlass,
            @HeaderParam("X-Correlation-Id") String correlation) {
        Enforcement.Ask ask = ask(agency, path, purpose, breakGlass);
        return services.call(ask.entry().agency(), HttpMethod.GET, path, uri.getRequestUri().getRawQuery(), null, correlation)
                .map(upstream -> upstream.ok() && upstream.json()
                        ? Response.ok(enforcement.release(ask, upstream)).build()
                        : passOn(upstream));
    }

    @POST
    @Path("{path: .+}")
    public Uni<Response> create(@PathParam("agency") String agency, @PathParam("path") String path,
            @HeaderParam(PurposeOfUse.HEADER) String purpose, @HeaderParam("X-Correlation-Id") String correlation,
            String body) {
        return write(HttpMethod.POST, agency, path, purpose, correlation, body);
    }

    @PUT
    @Path("{path: .+}")
    public Uni<Response> update(@PathParam("agency") String agency, @PathParam("path") String path,
            @HeaderParam(PurposeOfUse.HEADER) String purpose, @HeaderParam("X-Correlation-Id") String correlation,
            String body) {
        return write(HttpMethod.PUT, agency, path, purpose, correlation, body);
    }

    /**
     * A change to an existing record is decided on that record as the service holds it (its
     * person, its organisation), read first with the gateway's identity; a new record on its body.
     */
    private Uni<Response> write(HttpMethod method, String agency, String path, String purpose, String correlation,
            String body) {
        Enforcement.Ask ask = ask(agency, path, purpose, null);
        return existingRecord(ask, path, correlation)
                .invoke(existing -> enforcement.authoriseWrite(ask, body, existing))
                .chain(() -> services.call(ask.entry().agency(), method, path, null, body == null ? "" : body, correlation))
                .map(AgencyApiResource::passOn);
    }

    private Uni<byte[]> existingRecord(Enforcement.Ask ask, String path, String correlation) {
        return ResourceCatalogue.recordPath(path)
                .map(record -> services.call(ask.entry().agency(), HttpMethod.GET, record, null, null, correlation)
                        .map(upstream -> upstream.ok() && upstream.json() ? upstream.body() : null))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    private Enforcement.Ask ask(String agency, String path, String purpose, String breakGlass) {
        Agency owner = agency(agency);
        ResourceCatalogue.Entry entry = ResourceCatalogue.find(owner, path)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "Not found"));
        return new Enforcement.Ask(caller.principal(), entry, PurposeOfUse.require(purpose, policy),
                PurposeOfUse.breakGlass(breakGlass));
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
