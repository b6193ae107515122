package org.interlock.gateway.federation.requests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.gateway.audit.RequestTrace;
import org.interlock.gateway.disclosure.Audience;
import org.interlock.gateway.disclosure.Disclosable;
import org.interlock.gateway.disclosure.Disclosed;
import org.interlock.gateway.disclosure.Disclosure;
import org.interlock.policy.Principal;
import org.interlock.policy.Resource;

/**
 * A request for information put to the disclosure point before it leaves (ADR 0021). A request names the person,
 * tells a foreign authority that this side takes an interest in them and carries the officer's justification: it
 * is a disclosure by the officer's agency like any other, so one decision for {@code federation:<peer>} receiving,
 * under the request's purpose, category {@value #CATEGORY}, about the person, recorded as ASK_PEER. It leaves only
 * as asked: an agreement whose obligations would change it (a projection, a redaction) refuses it, since a request
 * cut down is another request than the officer's.
 */
@ApplicationScoped
public class RequestDecisions {

    /** The policy category of a request for information; only an agreement to a federation peer names it. */
    public static final String CATEGORY = "information-request";

    private final Disclosure disclosure;

    public RequestDecisions(Disclosure disclosure) {
        this.disclosure = disclosure;
    }

    /** The decision, and whether it released the request as asked. */
    record Decided(Disclosed disclosed, boolean asAsked) {
    }

    Decided decide(RequestChecks.Checked checked, String requestId, Actor officer, Agency agency, String traceId,
            Instant at) {
        Audience audience = new Audience(Principal.peer(checked.peer()), officer, org.interlock.policy.Action.RECEIVE,
                List.of(checked.purpose()), null, Action.ASK_PEER, Audience.Recording.ASKED);
        Disclosable request = disclosable(checked, requestId, agency);
        Disclosed disclosed = disclosure.disclose(audience, request, new RequestTrace(requestId, traceId), at);
        return new Decided(disclosed, !disclosed.withheld() && request.content().equals(disclosed.released()));
    }

    /** The request as the peer would read it, one facet of the officer's agency. */
    private static Disclosable disclosable(RequestChecks.Checked checked, String requestId, Agency agency) {
        ObjectNode content = JsonNodeFactory.instance.objectNode()
                .put("person", checked.person())
                .put("purpose", checked.purpose())
                .put("urgency", checked.urgency().code())
                .put("justification", checked.justification());
        ArrayNode categories = content.putArray("categories");
        checked.asked().categories().forEach(categories::add);
        ArrayNode questions = content.putArray("questions");
        checked.asked().questions().forEach(questions::add);
        List<String> fields = new ArrayList<>();
        content.fieldNames().forEachRemaining(fields::add);
        Resource resource = new Resource(agency, CATEGORY, Classification.OFFICIAL_SENSITIVE, null, checked.person(),
                CATEGORY);
        return new Disclosable(requestId, content, List.of(new Disclosable.Facet(resource, fields, Map.of())));
    }
}
