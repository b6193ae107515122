package org.interlock.gateway.federation.send;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.gateway.topics.AgencyEvent;
import org.interlock.policy.Permit;
import org.interlock.policy.language.PeerConditions;

/**
 * What the exchange released to a peer deployment: the item's id, the source event, the permit and the content it
 * released, and the handling conditions of the agreement that released it.
 */
public record ReleasedToPeer(String id, String peer, AgencyEvent event, Permit permit, JsonNode released,
        PeerConditions conditions) {
}
