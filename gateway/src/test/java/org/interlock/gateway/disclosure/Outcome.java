package org.interlock.gateway.disclosure;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.policy.DenyReason;

/**
 * What a case should come to on a channel, written as the table reads best: permitted under an
 * agreement (whole, or these fields, released as a classification, withholding these paths,
 * under a consent), refused for a reason, or neither released nor recorded.
 *
 * @param fields     the fields of the record released; null for all of them
 * @param releasedAs the classification released as; null for the event's own
 */
record Outcome(boolean released, List<String> fields, String releasedAs, boolean recorded, String reason,
        String agreement, String consent, List<String> withheld) {

    static Outcome permit(String agreement) {
        return new Outcome(true, null, null, true, "agreement", agreement, null, List.of());
    }

    static Outcome refused(DenyReason reason) {
        return new Outcome(false, null, null, true, reason.name(), null, null, List.of());
    }

    /** Nothing released and nothing recorded: a push channel's silence when no agreement names the audience. */
    static Outcome nothing() {
        return new Outcome(false, null, null, false, null, null, null, List.of());
    }

    Outcome releasing(String... released) {
        return new Outcome(true, List.of(released), releasedAs, recorded, reason, agreement, consent, withheld);
    }

    Outcome as(String classification) {
        return new Outcome(released, fields, classification, recorded, reason, agreement, consent, withheld);
    }

    Outcome withholding(String... paths) {
        return new Outcome(released, fields, releasedAs, recorded, reason, agreement, consent, List.of(paths));
    }

    Outcome underConsent(String consentId) {
        return new Outcome(released, fields, releasedAs, recorded, reason, agreement, consentId, withheld);
    }

    /** What {@code channel} should show of {@code record} if this is its outcome. */
    Observed of(AgencyRecord record, Channel channel) {
        JsonNode content = released ? select(record.data(), fields) : null;
        String label = released && channel != Channel.REST ? releasedAs != null ? releasedAs : record.classification()
                : null;
        List<Observed.Grounds> grounds = recorded ? List.of(new Observed.Grounds(released ? "PERMIT" : "DENY", reason,
                agreement, consent, record.category(), withheld)) : List.of();
        return new Observed(content, label, grounds);
    }

    private static JsonNode select(ObjectNode data, List<String> fields) {
        if (fields == null) {
            return data;
        }
        ObjectNode selected = JsonNodeFactory.instance.objectNode();
        fields.forEach(field -> selected.set(field, data.get(field)));
        return selected;
    }
}
