package org.interlock.gateway.people;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interlock.audit.record.Action;
import org.interlock.audit.record.AuditRecord;
import org.interlock.contracts.Classification;
import org.interlock.contracts.PersonIndex;
import org.interlock.contracts.PersonReference;
import org.interlock.gateway.audit.AuditTrail;
import org.interlock.gateway.audit.Evidence;
import org.interlock.gateway.audit.RequestTrace;
import org.interlock.gateway.enforcement.Enforcement;
import org.interlock.gateway.enforcement.PurposeOfUse;
import org.interlock.gateway.enforcement.RequestBodies;
import org.interlock.gateway.identity.CallerPrincipal;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;
import org.interlock.platform.problem.Validation;
import org.interlock.policy.Context;
import org.interlock.policy.Decision;
import org.interlock.policy.Permit;
import org.interlock.policy.PolicyEngine;
import org.interlock.policy.Principal;
import org.interlock.policy.Resource;

/**
 * The person index through the gateway (ADR 0014): {@code /api/v1/people/...}. Every request is
 * authenticated, states its purpose, is decided by {@link IdentityAccess} and recorded in the audit
 * log before anything is released or forwarded; changes carry the gateway's actor assertion. A
 * lookup the caller may not see is 404, the same answer as an identifier nobody holds. A
 * confirmation is decided on the review item as the index holds it (whom it would link).
 */
@Path("/api/v1/people")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PeopleResource {

    private static final Pattern IDENTIFIER = Pattern.compile("(prison-number|crn|pnc):[A-Za-z0-9/]{1,20}");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final CallerPrincipal caller;
    private final PolicyEngine policy;
    private final IdentityAccess access;
    private final PersonIndexClient index;
    private final AuditTrail audit;
    private final ObjectMapper json;

    public PeopleResource(CallerPrincipal caller, PolicyEngine policy, IdentityAccess access, PersonIndexClient index,
            AuditTrail audit, ObjectMapper json) {
        this.caller = caller;
        this.policy = policy;
        this.access = access;
        this.index = index;
        this.audit = audit;
        this.json = json;
    }

    @GET
    @Path("persons")
    @Operation(summary = "The person an agency identifier names, if that person is on the caller's caseload")
    public Uni<Response> lookup(@QueryParam("identifier") String identifier,
            @HeaderParam(PurposeOfUse.HEADER) String purpose, @HeaderParam("X-Correlation-Id") String correlation) {
        if (identifier == null || !IDENTIFIER.matcher(identifier).matches()) {
            throw Validation.invalid("identifier", "must be prison-number:, crn: or pnc: and the identifier");
        }
        Context context = Context.of(PurposeOfUse.require(purpose, policy), Instant.now());
        RequestTrace trace = RequestTrace.of(correlation, null);
        Principal principal = caller.principal();
        return index.call(HttpMethod.GET, "persons", "identifier=" + URLEncoder.encode(identifier, StandardCharsets.UTF_8),
                        null, trace.requestId(), null)
                .chain(upstream -> {
                    JsonNode answer = upstream.ok() ? parse(upstream.body()) : null;
                    String person = answer == null ? null : answer.path("person").asText(null);
                    if (!PersonReference.isValid(person)) {
                        return Uni.createFrom().failure(new ProblemException(ProblemType.NOT_FOUND, "Not found"));
                    }
                    Decision decision = access.lookup(principal, person);
                    return audit.record(List.of(evidence(Action.DISCLOSE_REST, principal, person, "person", context,
                                    decision, trace)))
                            .map(recorded -> {
                                if (!(decision instanceof Permit)) {
                                    throw new ProblemException(ProblemType.NOT_FOUND, "Not found");
                                }
                                return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
                            });
                });
    }

    @POST
    @Path("identities")
    @Operation(summary = "Assert an identity of a person on the caller's caseload, or of a new one; the index matches it "
            + "and proposes links to identity managers")
    public Uni<Response> assertIdentity(String body, @HeaderParam(PurposeOfUse.HEADER) String purpose,
            @HeaderParam("X-Correlation-Id") String correlation) {
        String person = assertedPerson(body);
        return forward(Action.CHANGE_REST, access.assertion(caller.principal(), person), "identity", person, purpose,
                RequestTrace.of(correlation, null), HttpMethod.POST, "identities", body);
    }

    @GET
    @Path("reviews")
    @Operation(summary = "Review items waiting for an identity manager")
    public Uni<Response> reviews(@HeaderParam(PurposeOfUse.HEADER) String purpose,
            @HeaderParam("X-Correlation-Id") String correlation) {
        return managed(Action.DISCLOSE_REST, "review", purpose, correlation, HttpMethod.GET, "reviews", null);
    }

    @POST
    @Path("reviews/{id}/{answer: confirm|reject}")
    @Operation(summary = "Confirm or reject a proposed link; nobody confirms one of a person on their own caseload")
    public Uni<Response> answer(@PathParam("id") String id, @PathParam("answer") String answer,
            @HeaderParam(PurposeOfUse.HEADER) String purpose, @HeaderParam("X-Correlation-Id") String correlation) {
        String path = "reviews/" + uuid(id);
        Principal principal = caller.principal();
        if ("reject".equals(answer) || !(access.management(principal) instanceof Permit)) {
            return managed(Action.CHANGE_REST, "review", purpose, correlation, HttpMethod.POST, path + "/" + answer, "");
        }
        // The read of the item and the confirmation it decides are one request: one id in the index and the log.
        RequestTrace trace = RequestTrace.of(correlation, null);
        return index.call(HttpMethod.GET, path, null, null, trace.requestId(), null)
                .chain(upstream -> {
                    JsonNode item = upstream.ok() ? parse(upstream.body()) : null;
                    if (item == null) {
                        return Uni.createFrom().item(Enforcement.passOn(upstream));
                    }
                    Decision decision = access.confirmation(principal, item.path("person").asText(null),
                            item.path("candidate").asText(null));
                    return forward(Action.CHANGE_REST, decision, "review", null, purpose, trace, HttpMethod.POST,
                            path + "/confirm", "");
                });
    }

    @POST
    @Path("merges/{id}/unmerge")
    @Operation(summary = "Undo a merge: both people are again as they were")
    public Uni<Response> unmerge(@PathParam("id") String id, String body,
            @HeaderParam(PurposeOfUse.HEADER) String purpose, @HeaderParam("X-Correlation-Id") String correlation) {
        return managed(Action.CHANGE_REST, "merge", purpose, correlation, HttpMethod.POST,
                "merges/" + uuid(id) + "/unmerge", body == null ? "" : body);
    }

    private Uni<Response> managed(Action action, String type, String purpose, String correlation, HttpMethod method,
            String path, String body) {
        return forward(action, access.management(caller.principal()), type, null, purpose,
                RequestTrace.of(correlation, null), method, path, body);
    }

    /** Decided, recorded durably, then forwarded (changes with who acts) or refused with 403. */
    private Uni<Response> forward(Action action, Decision decision, String type, String person, String purpose,
            RequestTrace trace, HttpMethod method, String path, String body) {
        Context context = Context.of(PurposeOfUse.require(purpose, policy), Instant.now());
        Principal principal = caller.principal();
        return audit.record(List.of(evidence(action, principal, person, type, context, decision, trace)))
                .chain(() -> {
                    if (!(decision instanceof Permit)) {
                        throw new ProblemException(ProblemType.FORBIDDEN, "Not allowed to " + (action == Action.CHANGE_REST
                                ? "change" : "read") + " the person index");
                    }
                    String actor = action == Action.CHANGE_REST
                            ? index.actor(principal, caller.client(), trace.requestId()) : null;
                    return index.call(method, path, null, body, trace.requestId(), actor);
                })
                .map(Enforcement::passOn);
    }

    private AuditRecord evidence(Action action, Principal principal, String person, String type, Context context,
            Decision decision, RequestTrace trace) {
        Resource resource = new Resource(null, PersonIndex.CATEGORY, Classification.OFFICIAL, null, person, type);
        return Evidence.of(action, Evidence.actor(principal, caller.client()), Evidence.resource(resource, null),
                context, decision, List.of(), trace);
    }

    /**
     * The person an assertion is about; null for a new person. Read strictly, so that the index
     * cannot read another person than the one decided on here.
     */
    private String assertedPerson(String body) {
        JsonNode request = RequestBodies.object(json, body);
        if (request == null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The request body must be one JSON object");
        }
        JsonNode person = request.get("person");
        if (person == null || person.isNull()) {
            return null;
        }
        if (!person.isTextual() || !PersonReference.isValid(person.asText())) {
            throw Validation.invalid("person", "must be a person reference, urn:interlock:person:<uuid>");
        }
        return person.asText();
    }

    private static String uuid(String id) {
        if (id == null || !UUID.matcher(id).matches()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Not found");
        }
        return id;
    }

    private JsonNode parse(byte[] body) {
        try {
            return body == null || body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
