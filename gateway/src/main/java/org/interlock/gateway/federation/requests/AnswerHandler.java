package org.interlock.gateway.federation.requests;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.federation.envelope.Envelope;
import org.interlock.federation.envelope.EnvelopeTypes;
import org.interlock.gateway.federation.receive.EnvelopeHandler;
import org.jboss.logging.Logger;

/**
 * A peer's answer to a request this side sent: the request takes the answer's outcome (answered, partly answered,
 * refused) and keeps the peer's audit sequence of the answer's sending beside this side's receipt, so each log can
 * name the other's record. What the answer carries is kept as a received item elsewhere; this records the state.
 * An answer to no request of ours sent to that peer, or to one answered already, is refused whole.
 */
@ApplicationScoped
public class AnswerHandler implements EnvelopeHandler {

    private static final Logger LOG = Logger.getLogger(AnswerHandler.class);

    @Override
    public boolean handles(String type) {
        return EnvelopeTypes.ANSWER.equals(type);
    }

    @Override
    public Optional<String> requestId(Envelope envelope) {
        return Optional.of(requestIdOf(envelope));
    }

    @Override
    public void accepted(Connection c, Envelope envelope, long receipt) throws SQLException {
        String requestId = requestIdOf(envelope);
        RequestState outcome = RequestState.outcome(envelope.content().event().path("data").path("outcome").asText())
                .orElseThrow(() -> new Unprocessable("an answer's outcome is answered, partly-answered or refused"));
        StoredRequest request = RequestStore.find(c, Direction.OUTGOING, envelope.senderPeer(), requestId)
                .orElseThrow(() -> new Unprocessable("no request " + requestId + " was sent to peer "
                        + envelope.senderPeer()));
        if (!request.state().mayBecome(outcome)) {
            throw new Unprocessable("request " + requestId + " is " + request.state().code() + " already");
        }
        try {
            RequestStore.answered(c, request.id(), outcome, envelope.auditSequence(), receipt, Instant.now());
        } catch (RequestStore.StateChanged e) {
            throw new Unprocessable("request " + requestId + " was answered meanwhile");
        }
        LOG.infof("Request for information %s answered by peer %s (%s), audit record %d", requestId,
                envelope.senderPeer(), outcome.code(), receipt);
    }

    private static String requestIdOf(Envelope envelope) {
        String requestId = envelope.content().event().path("data").path("requestId").asText("");
        if (!IncomingRequestHandler.REQUEST_ID.matcher(requestId).matches()) {
            throw new Unprocessable("an answer names the request it answers");
        }
        return requestId;
    }
}
