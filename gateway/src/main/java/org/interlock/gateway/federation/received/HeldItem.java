package org.interlock.gateway.federation.received;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.federation.conditions.OriginatorPermission;
import org.interlock.federation.conditions.ReceivedItem;

/**
 * An item a peer released to this deployment, as held: what the originator's conditions are decided on
 * ({@code item}), the attributes its disclosures are audited by, the CloudEvent as sent, and the receipt (this
 * side's audit record of the envelope that carried it), with the originator's permissions to pass it on and
 * the organisations a holder here passed it on to.
 */
public record HeldItem(ReceivedItem item, String itemId, String person, String type, String category,
        String classification, String agreement, ObjectNode event, long receipt, List<OriginatorPermission> permissions,
        Set<String> passedOnTo) {

    public HeldItem {
        permissions = List.copyOf(permissions);
        passedOnTo = Set.copyOf(passedOnTo);
    }

    public String peer() {
        return item.originPeer();
    }
}
