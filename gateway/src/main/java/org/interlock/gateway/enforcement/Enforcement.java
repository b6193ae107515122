package org.interlock.gateway.enforcement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.interlock.audit.record.AuditRecord;
import org.interlock.gateway.audit.Evidence;
import org.interlock.gateway.audit.RequestTrace;
import org.interlock.policy.Action;
import org.interlock.policy.Context;
import org.interlock.policy.Decision;
import org.interlock.policy.DecisionRequest;
import org.interlock.policy.Deny;
import org.interlock.policy.DenyReason;
import org.interlock.policy.Permit;
import org.interlock.policy.PolicyEngine;
import org.interlock.policy.Principal;
import org.interlock.policy.Resource;
import org.interlock.policy.redaction.Redactor;
import org.interlock.gateway.proxy.Upstream;

/**
 * Applies the policy decision to what an agency service answered: each record is released only
 * as its Permit allows (projected and redacted), a record the caller may not see is dropped from
 * a list and answered 404 on its own — the same answer as for a record that does not exist, so
 * nobody can probe who is known. Every decision yields its audit record, which the caller makes
 * durable before anything is released.
 */
@ApplicationScoped
public class Enforcement {

    private static final int MAX_ID = 128;

    /** What one request asks, once authenticated and its purpose checked. */
    public record Ask(Principal principal, String client, ResourceCatalogue.Entry entry, String purpose,
            String breakGlassReason, RequestTrace trace) {
    }

    /** What may be released (null: nothing, answer 404) and the evidence to record first. */
    public record Release(JsonNode body, List<AuditRecord> evidence) {
        public boolean found() {
            return body != null;
        }
    }

    /** Whether a change may go on to the service, and its evidence. */
    public record WriteDecision(boolean permitted, AuditRecord evidence) {
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
    public WriteDecision authoriseWrite(Ask ask, String body, byte[] existing) {
        JsonNode record = existing != null ? parseOrNull(new String(existing, StandardCharsets.UTF_8)) : parseOrNull(body);
        Context context = context(ask);
        Resource resource = ask.entry().describe(record, ask.entry().category());
        Decision decision = policy.decide(new DecisionRequest(ask.principal(), Action.WRITE, resource, context));
        return new WriteDecision(decision instanceof Permit, evidence(org.interlock.audit.record.Action.CHANGE_REST,
                ask, context, resource, record, decision, List.of()));
    }

    /** The records of an upstream answer that the caller may see, as they may see them. */
    public Release release(Ask ask, Upstream upstream) {
        JsonNode answer = parseOrNull(new String(upstream.body(), StandardCharsets.UTF_8));
        if (answer == null) {
            return new Release(null, List.of());
        }
        Context context = context(ask);
        List<AuditRecord> evidence = new ArrayList<>();
        if (!answer.isArray()) {
            return new Release(releaseOne(ask, context, answer, evidence), evidence);
        }
        ArrayNode released = json.createArrayNode();
        for (JsonNode record : answer) {
            JsonNode visible = releaseOne(ask, context, record, evidence);
            if (visible != null) {
                released.add(visible);
            }
        }
        return new Release(released, evidence);
    }

    private JsonNode releaseOne(Ask ask, Context context, JsonNode record, List<AuditRecord> evidence) {
        Resource resource = ask.entry().describe(record, ask.entry().category());
        Decision decision = policy.decide(new DecisionRequest(ask.principal(), Action.READ, resource, context));
        JsonNode released = null;
        List<String> withheld = List.of();
        if (decision instanceof Permit permit) {
            try {
                released = redactor.release(permit, record);
                withheld = Evidence.withheld(permit, record, released);
            } catch (RuntimeException e) {
                // An obligation that cannot be applied withholds the record: fail closed.
                decision = new Deny(DenyReason.POLICY_ERROR, permit.policyVersion(), permit.trail());
            }
        }
        evidence.add(evidence(org.interlock.audit.record.Action.DISCLOSE_REST, ask, context, resource, record,
                decision, withheld));
        return released;
    }

    private static AuditRecord evidence(org.interlock.audit.record.Action action, Ask ask, Context context,
            Resource resource, JsonNode record, Decision decision, List<String> withheld) {
        return Evidence.of(action, Evidence.actor(ask.principal(), ask.client()),
                Evidence.resource(resource, recordId(record)), context, decision, withheld, ask.trace());
    }

    private static String recordId(JsonNode record) {
        String id = record == null ? null : record.path("id").asText(null);
        return id == null || id.length() > MAX_ID ? null : id;
    }

    private static Context context(Ask ask) {
        return new Context(ask.purpose(), ask.breakGlassReason(), Instant.now());
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
