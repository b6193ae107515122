package org.interlock.gateway.federation.received;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.DateTimeException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.federation.envelope.Envelope;
import org.interlock.federation.envelope.EnvelopeTypes;
import org.interlock.gateway.federation.FederationIds;
import org.interlock.gateway.federation.receive.EnvelopeHandler;
import org.jboss.logging.Logger;

/**
 * What only an item's originator can do to it here, from its verified envelopes: permit it to be passed on to one
 * more recipient, or revoke it — which erases its content at once (the item's event and the envelope's signed
 * form), keeping only the receipt and the fact of the revocation. The originator is the peer whose key signed the
 * envelope: an act naming an item another peer sent, or none held, is refused whole.
 */
@ApplicationScoped
public class OriginatorActs implements EnvelopeHandler {

    private static final Logger LOG = Logger.getLogger(OriginatorActs.class);
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    @Override
    public boolean handles(String type) {
        return EnvelopeTypes.PERMISSION.equals(type) || EnvelopeTypes.REVOCATION.equals(type);
    }

    @Override
    public void accepted(Connection c, Envelope envelope, long receipt) throws SQLException {
        JsonNode data = envelope.content().event().path("data");
        String item = data.path("item").asText("");
        String peer = envelope.senderPeer();
        Optional<Long> carriedIn = heldFrom(c, peer, item);
        if (carriedIn.isEmpty()) {
            throw new Unprocessable("it names no item this deployment holds from peer " + peer);
        }
        if (EnvelopeTypes.PERMISSION.equals(envelope.content().event().path("type").asText())) {
            permit(c, envelope, item, data, receipt);
        } else {
            revoke(c, envelope, item, carriedIn.get(), receipt);
        }
    }

    private static void permit(Connection c, Envelope envelope, String item, JsonNode data, long receipt)
            throws SQLException {
        String recipient = data.path("recipient").asText("");
        if (!FederationIds.recipient(recipient)) {
            throw new Unprocessable("the permission names no recipient (an agency id or org:<id>)");
        }
        Timestamp until = data.hasNonNull("until") ? timestamp(data.path("until").asText()) : null;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO federation.originator_permissions (peer, item_id,"
                + " recipient, granted_at, until, envelope_id, receipt) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, envelope.senderPeer());
            s.setString(2, item);
            s.setString(3, recipient);
            s.setTimestamp(4, Timestamp.from(envelope.issuedAt()));
            s.setTimestamp(5, until);
            s.setString(6, envelope.envelopeId());
            s.setLong(7, receipt);
            s.executeUpdate();
        }
    }

    /** Records the revocation and erases what was held: a second revocation of the same item changes nothing. */
    private static void revoke(Connection c, Envelope envelope, String item, long carriedIn, long receipt)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO federation.revocations (peer, item_id, revoked_at,"
                + " envelope_id, receipt) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            s.setString(1, envelope.senderPeer());
            s.setString(2, item);
            s.setTimestamp(3, Timestamp.from(Instant.now()));
            s.setString(4, envelope.envelopeId());
            s.setLong(5, receipt);
            if (s.executeUpdate() == 0) {
                return;
            }
        }
        Erasing.erase(c, envelope.senderPeer(), item, carriedIn);
        LOG.infof("Item %s from peer %s revoked by its originator and erased", item, envelope.senderPeer());
    }

    /** The sending that carried the item, if this deployment holds it from that peer. */
    private static Optional<Long> heldFrom(Connection c, String peer, String item) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT seq FROM federation.received_items"
                + " WHERE peer = ? AND item_id = ?")) {
            s.setString(1, peer);
            s.setString(2, item);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** An instant PostgreSQL can hold; anything else is the peer's error, refused and audited, never a 500. */
    private static Timestamp timestamp(String text) {
        try {
            Instant until = Instant.parse(text);
            if (until.isAfter(LATEST)) {
                throw new Unprocessable("the permission's until is after " + LATEST);
            }
            return Timestamp.from(until);
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new Unprocessable("the permission's until is not an instant");
        }
    }
}
