package org.interlock.gateway.enforcement;

import java.io.IOException;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.interlock.gateway.policy.Action;
import org.interlock.gateway.policy.Context;
import org.interlock.gateway.policy.Decision;
import org.interlock.gateway.policy.DecisionRequest;
import org.interlock.gateway.policy.Permit;
import org.interlock.gateway.policy.PolicyEngine;
import org.interlock.gateway.policy.Principal;
import org.interlock.gateway.policy.redaction.Redactor;
import org.interlock.gateway.proxy.Upstream;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;

/**
 * Applies the policy decision to what an agency service answered: each record is released only
 * as its Permit allows (projected and redacted), a record the caller may not see is dropped from
 * a list and answered 404 on its own — the same answer as for a record that does not exist, so
 * nobody can probe who is known.
 */
@ApplicationScoped
public class Enforcement {

    /** What one request asks, once authenticated and its purpose checked. */
    public record Ask(Principal principal, ResourceCatalogue.Entry entry, String purpose, String breakGlassReason) {
    }

    private final PolicyEngine policy;
    private final ObjectMapper json;
    private final Redactor redactor = new Redactor();

    public Enforcement(PolicyEngine policy, ObjectMapper json) {
        this.policy = policy;
        this.json = json;
    }

    /**
     * Writes go only to the owning agency's (or organisation's) staff; the service itself
     * validates the content.
     *
     * @param existing the record being changed as the service holds it, or null for a new record
     */
    public void authoriseWrite(Ask ask, String body, byte[] existing) {
        JsonNode record = existing != null
                ? parseOrNull(new String(existing, java.nio.charset.StandardCharsets.UTF_8))
                : parseOrNull(body);
        Decision decision = decide(ask, Action.WRITE, record);
        if (!(decision instanceof Permit)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only the owning agency's staff may change these records");
        }
    }

    /** The records of an upstream answer that the caller may see, as they may see them. */
    public JsonNode release(Ask ask, Upstream upstream) {
        JsonNode answer = parseOrNull(new String(upstream.body(), java.nio.charset.StandardCharsets.UTF_8));
        if (answer == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Not found");
        }
        if (answer.isArray()) {
            ArrayNode released = json.createArrayNode();
            for (JsonNode record : answer) {
                JsonNode visible = releaseOne(ask, record);
                if (visible != null) {
                    released.add(visible);
                }
            }
            return released;
        }
        JsonNode visible = releaseOne(ask, answer);
        if (visible == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Not found");
        }
        return visible;
    }

    private JsonNode releaseOne(Ask ask, JsonNode record) {
        if (!(decide(ask, Action.READ, record) instanceof Permit permit)) {
            return null;
        }
        try {
            return redactor.release(permit, record);
        } catch (RuntimeException e) {
            // An obligation that cannot be applied withholds the record: fail closed.
            return null;
        }
    }

    private Decision decide(Ask ask, Action action, JsonNode record) {
        Context context = new Context(ask.purpose(), ask.breakGlassReason(), Instant.now());
        return policy.decide(new DecisionRequest(ask.principal(), action,
                ask.entry().describe(record, ask.entry().category()), context));
    }

    private JsonNode parseOrNull(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
