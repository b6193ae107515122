package org.interlock.gateway.federation.requests;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.contracts.Classification;
import org.interlock.contracts.CloudEventExtensions;
import org.interlock.federation.conditions.HandlingConditions;
import org.interlock.federation.envelope.EnvelopeContent;
import org.interlock.federation.envelope.EnvelopeTypes;
import org.interlock.federation.envelope.InformationRequest;

/**
 * The envelopes of a request for information and of its answer, as CloudEvents about the person asked about.
 * A request's event carries what is asked ({@code categories}, {@code questions}) and its {@code request} member
 * the rest; it goes with the strictest conditions, as nothing in it is the requester's to pass on. An answer's
 * event carries the requester's request id, the outcome, the parts released (each with its origin agency and
 * category) and the parts refused with their codes, under the conditions the single point of contact set.
 */
final class RequestEnvelopes {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /**
     * One part released in an answer: whose information, which category, at which classification and under which
     * agreement the permit released it, and what the disclosure point let go.
     */
    record ReleasedPart(String agency, String category, Classification classification, String agreement,
            ObjectNode content) {
    }

    /** One part refused in an answer, with its code; the category is absent when the refusal is of the whole. */
    record RefusedPart(Optional<String> category, RefusalCode reason) {
    }

    private RequestEnvelopes() {
    }

    static EnvelopeContent request(String self, InformationRequest request, String person, Asked asked, Instant at) {
        ObjectNode event = event(self, EnvelopeTypes.REQUEST, person, at);
        ObjectNode data = event.putObject("data");
        strings(data.putArray("categories"), asked.categories());
        strings(data.putArray("questions"), asked.questions());
        return new EnvelopeContent(event, HandlingConditions.NO_DISSEMINATION, Optional.of(request));
    }

    static EnvelopeContent answer(String self, StoredRequest request, RequestState outcome,
            List<ReleasedPart> released, List<RefusedPart> refused, HandlingConditions conditions, Instant at) {
        ObjectNode event = event(self, EnvelopeTypes.ANSWER, request.person(), at);
        // The answer is held on the other side at the classification of its most sensitive part: only those
        // cleared for all of it read it. With nothing released, the refusal codes are all it says.
        event.put(CloudEventExtensions.CLASSIFICATION, released.stream().map(ReleasedPart::classification)
                .max(Comparator.naturalOrder()).orElse(Classification.OFFICIAL).label());
        ObjectNode data = event.putObject("data");
        data.put("requestId", request.requestId());
        data.put("outcome", outcome.code());
        ArrayNode parts = data.putArray("released");
        for (ReleasedPart part : released) {
            parts.addObject().put("agency", part.agency()).put("category", part.category())
                    .put("classification", part.classification().label()).set("content", part.content());
        }
        ArrayNode refusals = data.putArray("refused");
        for (RefusedPart part : refused) {
            ObjectNode refusal = refusals.addObject();
            part.category().ifPresent(category -> refusal.put("category", category));
            refusal.put("reason", part.reason().code());
        }
        return new EnvelopeContent(event, conditions, Optional.empty());
    }

    private static ObjectNode event(String self, String type, String person, Instant at) {
        return JSON.objectNode()
                .put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString())
                .put("source", "/federation/" + self)
                .put("type", type)
                .put("subject", person)
                .put("time", at.toString())
                .put("datacontenttype", "application/json");
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
