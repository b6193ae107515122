package org.interlock.gateway.federation.send;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.contracts.CloudEventExtensions;
import org.interlock.federation.conditions.HandlingConditions;
import org.interlock.federation.envelope.EnvelopeContent;
import org.interlock.gateway.topics.AgencyEvent;
import org.interlock.policy.language.PeerConditions;

/**
 * What a peer is sent for a released item: the CloudEvent in structured JSON (its type, source, time and subject,
 * the content the permit released, the item's own id, and the extensions that say on what grounds), with the
 * releasing agreement's handling conditions. Nothing of the event that the permit withheld travels.
 */
public final class PeerEnvelopes {

    private PeerEnvelopes() {
    }

    static EnvelopeContent of(ReleasedToPeer copy, Instant now) {
        AgencyEvent event = copy.event();
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("specversion", "1.0")
                .put("id", copy.id())
                .put("source", event.source().toString())
                .put("type", event.type())
                .put("subject", event.person())
                .put("time", event.time().toString())
                .put("datacontenttype", "application/json");
        json.put(CloudEventExtensions.CATEGORY, event.category().name());
        json.put(CloudEventExtensions.CLASSIFICATION, copy.permit().releasedAs().label());
        json.put(CloudEventExtensions.AGREEMENT, copy.permit().agreementId());
        json.put(CloudEventExtensions.POLICY_VERSION, copy.permit().policyVersion());
        json.set("data", copy.released());
        return new EnvelopeContent(json, conditions(copy.conditions(), now), Optional.empty());
    }

    /** The agreement's conditions as the originator's: a period to keep becomes a time of expiry from now. */
    public static HandlingConditions conditions(PeerConditions agreed, Instant now) {
        return new HandlingConditions(agreed.onwardTo(), agreed.askFirst(), agreed.keepFor().map(now::plus));
    }
}
