package org.interlock.gateway.federation.received;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.federation.envelope.Envelope;
import org.interlock.federation.envelope.EnvelopeTypes;
import org.interlock.gateway.federation.receive.EnvelopeHandler;
import org.interlock.gateway.federation.receive.PeerAttributes;
import org.interlock.contracts.PersonReference;

/**
 * Holds what a peer released to this deployment (a share, or an answer to a request for information): the item,
 * with the originator's conditions, kept in the envelope's receipt transaction. An item must name the person it is
 * about in the shape this deployment's person references have, or it is not taken at all.
 */
@ApplicationScoped
public class ReceivedItems implements EnvelopeHandler {

    @Override
    public boolean handles(String type) {
        return EnvelopeTypes.carriesItem(type);
    }

    @Override
    public void accepted(Connection c, Envelope envelope, long receipt) throws SQLException {
        ObjectNode event = envelope.content().event();
        if (!PersonReference.isValid(event.path("subject").asText(null))) {
            throw new Unprocessable("the item's subject is not a person reference");
        }
        if (PeerAttributes.of(event, "id") == null || PeerAttributes.of(event, "type") == null) {
            throw new Unprocessable("the item's id or type is not an identifier");
        }
        // An item id the peer sent before under another sending is the same item: the first receipt holds it.
        ReceivedItemStore.insert(c, envelope.senderPeer(), envelope.auditSequence(), event,
                envelope.content().conditions(), receipt);
    }
}
