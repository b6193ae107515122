package org.interlock.gateway.federation.requests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.audit.record.AuditRecord;
import org.interlock.contracts.catalogue.Category;
import org.interlock.gateway.audit.RequestTrace;
import org.interlock.gateway.disclosure.Audience;
import org.interlock.gateway.disclosure.Disclosable;
import org.interlock.gateway.disclosure.Disclosed;
import org.interlock.gateway.disclosure.Disclosure;
import org.interlock.policy.Principal;
import org.interlock.policy.Resource;

/**
 * An answer's parts put to the disclosure point, one decision per part, for the requesting peer
 * ({@link Principal#peer}) receiving under the request's purpose: what it permits leaves as it releases it (the
 * category's fields, after the agreement's projection and redactions); what it refuses is withheld as
 * {@code not-permitted}. Every part leaves an ANSWER_REQUEST record naming the requester's request id and the
 * requester's audit sequence of the request.
 */
@ApplicationScoped
public class AnswerDecisions {

    /** The policy resource type of a part of an answer, and the audit record's. */
    static final String RESOURCE_TYPE = "federation-request";

    private final Disclosure disclosure;

    public AnswerDecisions(Disclosure disclosure) {
        this.disclosure = disclosure;
    }

    /** The parts decided: released ones, refused ones (the officer's and the policy's), and the evidence. */
    record Decided(List<RequestEnvelopes.ReleasedPart> released, List<RequestEnvelopes.RefusedPart> refused,
                   List<AuditRecord> evidence) {

        RequestState outcome() {
            if (released.isEmpty()) {
                return RequestState.REFUSED;
            }
            return refused.isEmpty() ? RequestState.ANSWERED : RequestState.PARTLY_ANSWERED;
        }
    }

    Decided decide(StoredRequest request, AnswerChecks.Checked answer, Actor contact, String traceId, Instant at) {
        Audience audience = new Audience(Principal.peer(request.peer()), contact, org.interlock.policy.Action.RECEIVE,
                List.of(request.purpose()), null, Action.ANSWER_REQUEST, Audience.Recording.ASKED);
        RequestTrace trace = new RequestTrace(request.requestId(), traceId);
        List<RequestEnvelopes.ReleasedPart> released = new ArrayList<>();
        List<RequestEnvelopes.RefusedPart> refused = new ArrayList<>(answer.refused());
        List<AuditRecord> evidence = new ArrayList<>();
        for (AnswerChecks.CheckedPart part : answer.released()) {
            Disclosed disclosed = disclosure.disclose(audience, disclosable(request, part), trace, at);
            evidence.addAll(disclosed.evidence());
            if (disclosed.withheld()) {
                refused.add(new RequestEnvelopes.RefusedPart(Optional.of(part.category().name()),
                        RefusalCode.NOT_PERMITTED));
            } else {
                released.add(new RequestEnvelopes.ReleasedPart(part.agency().id(), part.category().name(),
                        disclosed.permits().getFirst().releasedAs(), disclosed.permits().getFirst().agreementId(),
                        (ObjectNode) disclosed.released()));
            }
        }
        return new Decided(released, refused, evidence);
    }

    /** One part as the disclosure point sees it: about the person asked about, named by the requester's sequence. */
    private static Disclosable disclosable(StoredRequest request, AnswerChecks.CheckedPart part) {
        Category category = part.category();
        Resource resource = new Resource(part.agency(), category.name(), category.classificationOf(part.content()),
                handling(category, part.content()), request.person(), RESOURCE_TYPE);
        String id = request.peerSequence() == null ? null : request.peerSequence().toString();
        return new Disclosable(id, part.content(), List.of(new Disclosable.Facet(resource, category.fields(),
                category.derived())));
    }

    private static String handling(Category category, JsonNode content) {
        if (category.handling().field() == null) {
            return category.handling().code();
        }
        JsonNode value = content.get(category.handling().field());
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
