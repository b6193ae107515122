package org.interlock.gateway.federation.requests;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.contracts.PersonReference;
import org.interlock.federation.envelope.Envelope;
import org.interlock.federation.envelope.EnvelopeTypes;
import org.interlock.federation.envelope.InformationRequest;
import org.interlock.gateway.federation.receive.EnvelopeHandler;
import org.jboss.logging.Logger;

/**
 * A peer's request for information, received: stored as {@code received} for this side's single point of contact,
 * with its deadline from now by its urgency, naming the requester peer, its request id and the audit sequence of
 * its sending, beside this side's receipt. A request that is not one (no {@code request} member, no person, asking
 * nothing) is refused whole.
 */
@ApplicationScoped
public class IncomingRequestHandler implements EnvelopeHandler {

    private static final Logger LOG = Logger.getLogger(IncomingRequestHandler.class);
    /** A requester's id: a UUID from an Interlock peer; nothing else that could carry content into the log. */
    static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern PURPOSE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final Deadlines deadlines;

    public IncomingRequestHandler(DeadlineConfig config) {
        this.deadlines = Deadlines.of(config);
    }

    @Override
    public boolean handles(String type) {
        return EnvelopeTypes.REQUEST.equals(type);
    }

    @Override
    public Optional<String> requestId(Envelope envelope) {
        return Optional.of(request(envelope).id());
    }

    @Override
    public void accepted(Connection c, Envelope envelope, long receipt) throws SQLException {
        InformationRequest request = request(envelope);
        if (!PURPOSE.matcher(request.purpose()).matches()
                || request.justification().length() > RequestChecks.MAX_TEXT) {
            throw new Unprocessable("the request's purpose or justification is not as a request's");
        }
        ObjectNode event = envelope.content().event();
        String person = event.path("subject").asText();
        if (!PersonReference.isValid(person)) {
            throw new Unprocessable("a request for information is about one person, urn:interlock:person:<uuid>");
        }
        Asked asked = new Asked(strings(event.path("data").path("categories")),
                strings(event.path("data").path("questions")));
        if (asked.empty()) {
            throw new Unprocessable("a request for information asks for at least one category or question");
        }
        if (RequestStore.find(c, Direction.INCOMING, envelope.senderPeer(), request.id()).isPresent()) {
            throw new Unprocessable("request " + request.id() + " was received before");
        }
        Instant now = Instant.now();
        StoredRequest received = new StoredRequest(UUID.randomUUID(), Direction.INCOMING, envelope.senderPeer(),
                request.id(), person, request.purpose(), request.urgency(), request.justification(), asked, null,
                RequestState.RECEIVED, now, deadlines.deadline(request.urgency(), now), receipt,
                envelope.auditSequence(), null, null, null);
        RequestStore.insert(c, received);
        LOG.infof("Request for information %s from peer %s received as %s, audit record %d", request.id(),
                envelope.senderPeer(), received.id(), receipt);
    }

    private static InformationRequest request(Envelope envelope) {
        InformationRequest request = envelope.content().request()
                .orElseThrow(() -> new Unprocessable("a request for information has a request member"));
        if (!REQUEST_ID.matcher(request.id()).matches()) {
            throw new Unprocessable("the request id is not a request id");
        }
        return request;
    }

    private static List<String> strings(JsonNode array) {
        if (array.isMissingNode()) {
            return List.of();
        }
        if (!array.isArray() || array.size() > RequestChecks.MAX_ITEMS) {
            throw new Unprocessable("what a request asks is a list of at most " + RequestChecks.MAX_ITEMS);
        }
        List<String> values = new ArrayList<>(array.size());
        for (JsonNode value : array) {
            if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > RequestChecks.MAX_TEXT) {
                throw new Unprocessable("what a request asks is text");
            }
            values.add(value.asText());
        }
        return values;
    }
}
