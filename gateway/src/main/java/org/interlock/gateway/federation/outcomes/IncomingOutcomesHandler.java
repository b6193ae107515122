package org.interlock.gateway.federation.outcomes;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.federation.envelope.Envelope;
import org.interlock.federation.envelope.EnvelopeTypes;
import org.interlock.gateway.federation.receive.EnvelopeHandler;
import org.jboss.logging.Logger;

/**
 * A peer's published outcomes, received: every cell checked (names as an outcome count's, a count or
 * {@code suppressed}, never a count that singles someone out, no cell twice), then the peer's table for the period
 * stored in the receipt's transaction, replacing an older publication of that period. A table with any cell wrong
 * is refused whole as {@code malformed}: nothing of it is kept.
 */
@ApplicationScoped
public class IncomingOutcomesHandler implements EnvelopeHandler {

    private static final Logger LOG = Logger.getLogger(IncomingOutcomesHandler.class);

    @Override
    public boolean handles(String type) {
        return EnvelopeTypes.OUTCOMES.equals(type);
    }

    @Override
    public void accepted(Connection c, Envelope envelope, long receipt) throws SQLException {
        OutcomesEnvelopes.PeerTable table;
        try {
            table = OutcomesEnvelopes.read(envelope.content().event());
        } catch (IllegalArgumentException e) {
            throw new Unprocessable("outcomes: " + e.getMessage());
        }
        PeerOutcomes.store(c, envelope.senderPeer(), table, envelope.auditSequence(), receipt);
        LOG.infof("Outcomes for %s from peer %s (%d cells) received, audit record %d", table.period().code(),
                envelope.senderPeer(), table.cells().size(), receipt);
    }
}
