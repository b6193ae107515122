package org.interlock.gateway.federation.send;

import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.Decision;
import org.interlock.audit.record.Resource;
import org.interlock.federation.envelope.EnvelopeContent;
import org.interlock.gateway.federation.FederationIds;
import org.interlock.gateway.federation.Federation;
import org.interlock.gateway.identity.CallerPrincipal;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;
import org.interlock.platform.problem.Validation;
import org.interlock.policy.Principal;

/**
 * The originator's acts on an item this deployment released to a peer: permitting the peer to pass it on to one
 * more recipient there, or revoking it (the peer erases it). Only the single point of contact of the agency the
 * item came from may act on it: the agreement released it, and only its owner may widen or end what the peer may
 * do with it. To anyone of another agency the item does not exist.
 */
@Path("/federation/v1/sent/{peer}/{item}")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SentItemsResource {

    private static final Pattern ITEM = Pattern.compile("[0-9a-f-]{36}");

    /** A permission to pass the item on to {@code recipient} of the peer, until {@code until} if given. */
    public record PermissionForm(String recipient, String until) {
    }

    /** What was queued for the peer: the envelope's seq is the audit record of its sending. */
    public record Queued(String peer, String itemId, long seq) {
    }

    private final Federation federation;
    private final OutboxStore outbox;
    private final FederationOutbox queue;
    private final CallerPrincipal caller;

    public SentItemsResource(Federation federation, OutboxStore outbox, FederationOutbox queue, CallerPrincipal caller) {
        this.federation = federation;
        this.outbox = outbox;
        this.queue = queue;
        this.caller = caller;
    }

    @POST
    @Path("permissions")
    @Operation(summary = "Permit the peer to pass an item it received from this deployment on to one more recipient")
    public Queued permit(@PathParam("peer") String peer, @PathParam("item") String itemId, PermissionForm form)
            throws SQLException {
        OutboxStore.SentItem item = ownItem(peer, itemId);
        if (form == null || form.recipient() == null || !FederationIds.recipient(form.recipient())) {
            throw Validation.invalid("recipient", "must be the peer's agency id or org:<organisation id>");
        }
        Optional<Instant> until = until(form.until());
        return queued(item, OriginatorEnvelopes.permission(item, form.recipient(), until),
                "permission:" + form.recipient() + until.map(instant -> ";until=" + instant).orElse(""));
    }

    @POST
    @Path("revocation")
    @Operation(summary = "Revoke an item this deployment released to the peer: the peer erases it")
    public Queued revoke(@PathParam("peer") String peer, @PathParam("item") String itemId) throws SQLException {
        OutboxStore.SentItem item = ownItem(peer, itemId);
        return queued(item, OriginatorEnvelopes.revocation(item), "revocation");
    }

    /**
     * Queues the act with a record of what was done (the item, the act, for a permission its recipient and term)
     * before the record of its sending, which names who acted and whom the item is about.
     */
    private Queued queued(OutboxStore.SentItem item, EnvelopeContent act, String what) {
        Principal principal = caller.principal();
        Actor actor = new Actor(principal.username(), principal.agency(), principal.org(), caller.client(), null);
        AuditRecord done = AuditRecord.builder(Instant.now(), actor, Action.CHANGE_REST, Decision.permit(what))
                .resource(new Resource("federation-item:" + item.peer(), item.itemId(), item.person(), null, null))
                .requestId(item.itemId())
                .build();
        FederationOutbox.Sending sending = new FederationOutbox.Sending(actor, item.person(), null, item.itemId(),
                List.of(done));
        return new Queued(item.peer(), item.itemId(), queue.enqueue(item.peer(), act, sending, (c, seq) -> seq));
    }

    /** The item, if the caller is its agency's single point of contact; else as if it did not exist, or 403. */
    private OutboxStore.SentItem ownItem(String peer, String itemId) throws SQLException {
        if (!federation.enabled() || !FederationIds.peer(peer) || !ITEM.matcher(itemId).matches()) {
            throw ProblemException.notFound("No such item");
        }
        Principal principal = caller.principal();
        OutboxStore.SentItem item = outbox.sentItem(peer, itemId)
                .filter(sent -> sent.origin() != null && sent.origin().equals(principal.agency())
                        && Objects.equals(sent.originOrg(), principal.org()))
                .orElseThrow(() -> ProblemException.notFound("No such item"));
        if (!principal.roles().contains(Federation.SPOC_ROLE)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Only the single point of contact of the item's agency may act on it");
        }
        return item;
    }

    private static Optional<Instant> until(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            Instant until = Instant.parse(text);
            if (!until.isAfter(Instant.now())) {
                throw Validation.invalid("until", "must be in the future");
            }
            return Optional.of(until);
        } catch (DateTimeParseException e) {
            throw Validation.invalid("until", "must be an ISO-8601 instant such as 2027-01-01T00:00:00Z");
        }
    }
}
