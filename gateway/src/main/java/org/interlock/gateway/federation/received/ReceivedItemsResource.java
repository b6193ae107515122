package org.interlock.gateway.federation.received;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interlock.audit.record.AuditRecord;
import org.interlock.contracts.PersonReference;
import org.interlock.gateway.audit.AuditTrail;
import org.interlock.gateway.audit.RequestTrace;
import org.interlock.gateway.audit.store.AuditStore;
import org.interlock.gateway.enforcement.PurposeOfUse;
import org.interlock.gateway.federation.FederationIds;
import org.interlock.gateway.federation.Federation;
import org.interlock.gateway.identity.CallerPrincipal;
import org.interlock.platform.problem.Problem;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;
import org.interlock.platform.problem.Validation;
import org.interlock.policy.PolicyEngine;
import org.interlock.policy.Principal;

/**
 * What peers released to this deployment, to those here who may hold it, and passing it on under the
 * originator's conditions and this side's policy (ADR 0021). Every item decided leaves an audit record, released
 * or not; an item the caller may not hold is not shown, and nothing says it exists.
 */
@Path("/federation/v1/received")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ReceivedItemsResource {

    private static final Pattern ITEM = Pattern.compile("[\\x21-\\x7e]{1,200}");

    /** What a holder asks: to pass an item on to a recipient of this side. */
    public record OnwardRequest(String to) {
    }

    /** An item as released to its holder: where it came from, on what grounds, under which conditions, and what. */
    public record Released(String peer, String itemId, String type, String category, String classification,
            String agreement, List<String> onwardTo, boolean askFirst, Instant expiresAt, long receipt, ObjectNode event) {
    }

    /** A holder's passing on, granted: {@code record} is its audit record. */
    public record PassedOn(String peer, String itemId, String to, long record) {
    }

    private final Federation federation;
    private final ReceivedItemStore items;
    private final HoldingRules rules;
    private final AuditTrail audit;
    private final AuditStore store;
    private final CallerPrincipal caller;
    private final PolicyEngine policy;

    public ReceivedItemsResource(Federation federation, ReceivedItemStore items, HoldingRules rules, AuditTrail audit,
            AuditStore store, CallerPrincipal caller, PolicyEngine policy) {
        this.federation = federation;
        this.items = items;
        this.rules = rules;
        this.audit = audit;
        this.store = store;
        this.caller = caller;
        this.policy = policy;
    }

    @GET
    @Operation(summary = "The items peers released about a person that the caller may hold")
    public List<Released> about(@QueryParam("person") String person, @HeaderParam(PurposeOfUse.HEADER) String purpose,
            @HeaderParam("X-Correlation-Id") String correlation) throws SQLException {
        requireFederation();
        if (!PersonReference.isValid(person)) {
            throw Validation.invalid("person", "must be a person reference (urn:interlock:person:<uuid>)");
        }
        String why = PurposeOfUse.require(purpose, policy);
        Principal reader = caller.principal();
        Instant now = Instant.now();
        RequestTrace trace = RequestTrace.of(correlation, null);
        List<Released> released = new ArrayList<>();
        List<AuditRecord> evidence = new ArrayList<>();
        for (HeldItem held : items.about(person)) {
            Optional<HoldingRules.Refusal> refusal = rules.mayHold(held, reader, now);
            evidence.add(ItemRecords.read(held, reader, caller.client(), why, refusal, trace, now));
            if (refusal.isEmpty()) {
                released.add(released(held));
            }
        }
        audit.recordAndWait(evidence);
        return released;
    }

    @POST
    @Path("{peer}/{item}/onward")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pass a held item on to a recipient of this side, if the originator and this side's policy allow it")
    public PassedOn passOn(@PathParam("peer") String peer, @PathParam("item") String itemId, OnwardRequest body,
            @HeaderParam(PurposeOfUse.HEADER) String purpose, @HeaderParam("X-Correlation-Id") String correlation)
            throws SQLException {
        requireFederation();
        if (!FederationIds.peer(peer) || !ITEM.matcher(itemId).matches()) {
            throw ProblemException.notFound("No such item");
        }
        if (body == null || body.to() == null || !FederationIds.recipient(body.to())) {
            throw Validation.invalid("to", "must be an agency id or org:<organisation id>");
        }
        String why = PurposeOfUse.require(purpose, policy);
        Principal holder = caller.principal();
        Instant now = Instant.now();
        HeldItem held = items.one(peer, itemId).orElseThrow(() -> ProblemException.notFound("No such item"));
        Optional<HoldingRules.Refusal> refusal = rules.mayPassOn(held, holder, body.to(), why, now);
        AuditRecord record = ItemRecords.onward(held, holder, caller.client(), body.to(), why, refusal,
                RequestTrace.of(correlation, null), now);
        if (refusal.isEmpty()) {
            // Passed on with its record, or not at all: the recipient holds it from this transaction on.
            long sequence = store.append(List.of(record), (c, stored) -> {
                ReceivedItemStore.passOn(c, held, body.to(), holder.username(), stored.getFirst().sequence());
                return stored.getFirst().sequence();
            });
            return new PassedOn(peer, itemId, body.to(), sequence);
        }
        audit.recordAndWait(List.of(record));
        // One who may not hold it learns nothing of it: the same answer as for an item that is not there.
        if (refusal.get() == HoldingRules.Refusal.NOT_A_HOLDER) {
            throw ProblemException.notFound("No such item");
        }
        throw new ProblemException(new Problem(ItemRecords.problemType(refusal.get()), "Not passed on",
                ProblemType.FORBIDDEN.status(), "The item may not be passed on to " + body.to() + ": "
                + refusal.get().code(), null, List.of()));
    }

    private void requireFederation() {
        if (!federation.enabled()) {
            throw ProblemException.notFound("No federation here");
        }
    }

    private static Released released(HeldItem held) {
        return new Released(held.peer(), held.itemId(), held.type(), held.category(), held.classification(),
                held.agreement(), held.item().conditions().disseminateTo().stream().sorted().toList(),
                held.item().conditions().requiresOriginatorPermission(),
                held.item().conditions().expiresAt().orElse(null), held.receipt(), held.event());
    }
}
