package org.interlock.gateway.enforcement;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import org.interlock.audit.record.AuditRecord;
import org.interlock.contracts.catalogue.Category;
import org.interlock.contracts.catalogue.Operation;
import org.interlock.contracts.catalogue.RecordKind;
import org.interlock.gateway.audit.AuditTrail;
import org.interlock.gateway.disclosure.Disclosable;
import org.interlock.gateway.disclosure.Disclosed;
import org.interlock.gateway.disclosure.Disclosure;
import org.interlock.gateway.proxy.ActorSigner;
import org.interlock.gateway.proxy.AgencyServices;
import org.interlock.gateway.proxy.Upstream;
import org.interlock.platform.problem.Problem;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;
import org.interlock.policy.ChangeTerms;
import org.interlock.policy.Resource;

/**
 * The agency APIs' enforcement: a read goes to the service and each record of its answer is put
 * to the disclosure point, recorded, and released only as decided (projected and redacted, dropped
 * from a list, or 404 on its own — the same answer as for a record that does not exist); a change
 * is decided on the record it changes (read first with the gateway's identity) or on its body,
 * recorded, and only then forwarded. Nothing the gateway cannot decide on is passed on: an answer
 * that is not JSON is refused (502) and the refusal recorded.
 */
@ApplicationScoped
public class Enforcement {

    private final Disclosure disclosure;
    private final AgencyServices services;
    private final AuditTrail audit;
    private final ActorSigner actors;
    private final ObjectMapper json;

    public Enforcement(Disclosure disclosure, AgencyServices services, AuditTrail audit, ActorSigner actors,
            ObjectMapper json) {
        this.disclosure = disclosure;
        this.services = services;
        this.audit = audit;
        this.actors = actors;
        this.json = json;
    }

    public Uni<Response> read(Ask ask) {
        return services.call(ask.request().agency(), HttpMethod.GET, ask.servicePath(), ApiRequest.encode(ask.query()),
                        null, ask.trace().requestId(), whoReads(ask))
                .chain(upstream -> upstream.ok() ? release(ask, upstream) : Uni.createFrom().item(refused(upstream)));
    }

    public Uni<Response> write(Ask ask, HttpMethod method, String body) {
        JsonNode request = RequestBodies.object(json, body);
        return recordChangedOn(ask)
                .map(record -> decideChange(ask, record, request))
                .call(change -> audit.record(List.of(change.evidence())))
                .invoke(change -> {
                    if (!change.permitted()) {
                        throw ChangeRefusals.problem(change.decision(), ask.operation().category());
                    }
                })
                .chain(() -> services.call(ask.request().agency(), method, ask.servicePath(), null,
                        body == null ? "" : body, ask.trace().requestId(),
                        actors.assertion(ask.request().agency(), ask.principal(), ask.client(),
                                ask.trace().requestId())))
                .map(Enforcement::passOn);
    }

    /**
     * A read about the caller ({@code ?assignee=me}) tells the service who reads, as a change tells it
     * who acts: the signed assertion of the verified caller, never a name from the query. Every other
     * read names nobody. Either way each record of the answer is still decided on its own.
     */
    private String whoReads(Ask ask) {
        return ask.operation().asksWhoReads()
                ? actors.assertion(ask.request().agency(), ask.principal(), ask.client(), ask.trace().requestId())
                : null;
    }

    /** Every record of the answer decided and recorded; released once the records are durable. */
    private Uni<Response> release(Ask ask, Upstream upstream) {
        JsonNode answer = upstream.json() ? parse(upstream.body()) : null;
        RecordKind kind = ask.operation().record();
        if (answer == null) {
            return audit.record(List.of(disclosure.undecidable(ask.reader(), ask.request().agency(), kind,
                            ask.trace(), Instant.now())))
                    .map(recorded -> {
                        throw new ProblemException(ProblemType.BAD_GATEWAY, "The agency service's answer could not be read");
                    });
        }
        List<AuditRecord> evidence = new ArrayList<>();
        JsonNode released = answer.isArray() ? releaseEach(ask, kind, answer, evidence)
                : releaseOne(ask, kind, answer, evidence);
        return audit.record(evidence).map(recorded -> {
            if (released == null) {
                throw new ProblemException(ProblemType.NOT_FOUND, "Not found");
            }
            return Response.ok(released, MediaType.APPLICATION_JSON_TYPE).build();
        });
    }

    private ArrayNode releaseEach(Ask ask, RecordKind kind, JsonNode answer, List<AuditRecord> evidence) {
        ArrayNode released = json.createArrayNode();
        for (JsonNode record : answer) {
            JsonNode visible = releaseOne(ask, kind, record, evidence);
            if (visible != null) {
                released.add(visible);
            }
        }
        return released;
    }

    private JsonNode releaseOne(Ask ask, RecordKind kind, JsonNode record, List<AuditRecord> evidence) {
        Disclosed disclosed = disclosure.disclose(ask.reader(), Disclosable.of(ask.request().agency(), kind, record),
                ask.trace(), Instant.now());
        evidence.addAll(disclosed.evidence());
        return disclosed.released();
    }

    /** The existing record a change is decided on, read with the gateway's identity; null for a new record. */
    private Uni<JsonNode> recordChangedOn(Ask ask) {
        Operation operation = ask.operation();
        if (operation.decidedOn() == null) {
            return Uni.createFrom().nullItem();
        }
        return services.call(ask.request().agency(), HttpMethod.GET, operation.decidedOn().expand(ask.match().params()),
                        null, null, ask.trace().requestId(), null)
                .map(upstream -> {
                    JsonNode record = upstream.ok() && upstream.json() ? parse(upstream.body()) : null;
                    if (record == null || !record.isObject()) {
                        throw new ProblemException(ProblemType.NOT_FOUND, "Not found");
                    }
                    return record;
                });
    }

    /**
     * A change decided on the record it changes (as the service holds it) and what the request
     * names: the record's person, organisation and addressee, and the terms (whom it allocates,
     * which organisation, categories and purposes) from the request where it gives them, else
     * from the record. A new record is decided on the request alone.
     */
    private Disclosure.Change decideChange(Ask ask, JsonNode existing, JsonNode request) {
        Category category = ask.operation().category();
        JsonNode record = existing != null ? existing : request;
        Resource resource = new Resource(ask.request().agency(), category.name(), category.classification(),
                handling(category, record), text(record, category.personField()), ask.operation().record().name(),
                text(record, category.organisationField()), text(record, category.addresseeField()));
        ChangeTerms terms = ChangeRefusals.terms(category, existing, request, ask.operation().narrows());
        return disclosure.decideChange(ask.writer(), resource, terms, text(record, "id"), ask.trace(), Instant.now());
    }

    private static String handling(Category category, JsonNode record) {
        return category.handling().field() != null ? text(record, category.handling().field())
                : category.handling().code();
    }

    private static String text(JsonNode record, String field) {
        JsonNode value = field == null || record == null ? null : record.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() && value.asText().length() <= 128
                ? value.asText() : null;
    }

    /**
     * A service's refusal: its own problem document (about the caller's request, which the caller
     * may see) or 404; anything else is the gateway's 502, never the service's body.
     */
    private static Response refused(Upstream upstream) {
        if (upstream.status() == 404) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Not found");
        }
        if (upstream.status() >= 400 && upstream.status() < 500 && problem(upstream)) {
            return Response.status(upstream.status()).type(Problem.MEDIA_TYPE).entity(upstream.body()).build();
        }
        throw new ProblemException(ProblemType.BAD_GATEWAY, "The agency service could not answer");
    }

    /** What the service answered to a change the caller was allowed to make: its JSON or its problem, as it is. */
    public static Response passOn(Upstream upstream) {
        if (upstream.status() == 404) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Not found");
        }
        boolean readable = upstream.ok() ? upstream.json() : problem(upstream);
        if (!readable || upstream.status() >= 500) {
            throw new ProblemException(ProblemType.BAD_GATEWAY, "The agency service could not answer");
        }
        return Response.status(upstream.status()).type(upstream.contentType()).entity(upstream.body()).build();
    }

    private static boolean problem(Upstream upstream) {
        return upstream.contentType() != null && upstream.contentType().startsWith(Problem.MEDIA_TYPE);
    }

    private JsonNode parse(byte[] body) {
        try {
            return body == null || body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
