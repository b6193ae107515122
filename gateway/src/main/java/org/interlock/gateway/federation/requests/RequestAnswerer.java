package org.interlock.gateway.federation.requests;

import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.audit.record.Actor;
import org.interlock.contracts.catalogue.Category;
import org.interlock.gateway.catalogue.ServiceCatalogues;
import org.interlock.federation.conditions.HandlingConditions;
import org.interlock.gateway.federation.Federation;
import org.interlock.gateway.federation.send.FederationOutbox;
import org.interlock.gateway.federation.send.PeerEnvelopes;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;
import org.interlock.platform.problem.Validation;
import org.interlock.policy.loading.PolicyStore;
import org.jboss.logging.Logger;

/**
 * The single point of contact answers a peer's request: checked at the edge, each part decided by the disclosure
 * point, then the answer envelope queued to the requester with the parts' ANSWER_REQUEST records and its
 * SEND_ENVELOPE record, and the request's new state, all in one transaction. An answered request is not answered
 * again. Blocking (JDBC).
 */
@ApplicationScoped
public class RequestAnswerer {

    private static final Logger LOG = Logger.getLogger(RequestAnswerer.class);

    /** What was sent: the outcome after the policy, the parts released and refused, and the sending's sequence. */
    public record Answered(StoredRequest request, AnswerDecisions.Decided decided, long sequence) {
    }

    private final Federation federation;
    private final RequestStore requests;
    private final AnswerDecisions decisions;
    private final FederationOutbox outbox;
    private final ServiceCatalogues catalogues;
    private final PolicyStore policies;

    public RequestAnswerer(Federation federation, RequestStore requests, AnswerDecisions decisions,
            FederationOutbox outbox, ServiceCatalogues catalogues, PolicyStore policies) {
        this.federation = federation;
        this.requests = requests;
        this.decisions = decisions;
        this.outbox = outbox;
        this.catalogues = catalogues;
        this.policies = policies;
    }

    public Answered answer(UUID id, AnswerForm form, Actor contact, String traceId) throws SQLException {
        Federation.Self self = federation.self()
                .orElseThrow(() -> ProblemException.notFound("This deployment does not federate"));
        StoredRequest request = requests.find(id).filter(r -> r.direction() == Direction.INCOMING)
                .orElseThrow(() -> ProblemException.notFound("There is no request for information of that id"));
        if (request.state().answered()) {
            throw answeredAlready(request);
        }
        Instant now = Instant.now();
        AnswerChecks.Checked checked = AnswerChecks.check(form, this::category, policies.current().categories(), now);
        ownAgencyOnly(checked, contact);
        AnswerDecisions.Decided decided = decisions.decide(request, checked, contact, traceId, now);
        HandlingConditions conditions = narrowed(checked.conditions(), decided, now);
        FederationOutbox.Sending sending = new FederationOutbox.Sending(contact, request.person(), request.purpose(),
                request.requestId(), decided.evidence());
        try {
            long sequence = outbox.enqueue(request.peer(), RequestEnvelopes.answer(self.peerId(), request,
                    decided.outcome(), decided.released(), decided.refused(), conditions, now), sending,
                    (c, seq) -> {
                        RequestStore.answered(c, request.id(), decided.outcome(), null, seq, now);
                        return seq;
                    });
            LOG.infof("Request for information %s from peer %s %s, audit record %d", request.requestId(),
                    request.peer(), decided.outcome().code(), sequence);
            return new Answered(request, decided, sequence);
        } catch (RequestStore.StateChanged e) {
            throw answeredAlready(request);
        }
    }

    /**
     * A single point of contact answers with its own agency's information: it could otherwise label its own text
     * as another agency's and have it decided under that agency's agreement.
     */
    private static void ownAgencyOnly(AnswerChecks.Checked checked, Actor contact) {
        for (AnswerChecks.CheckedPart part : checked.released()) {
            if (!part.agency().id().equals(contact.agency())) {
                throw Validation.invalid("released", "a single point of contact releases its own agency's"
                        + " information only (" + contact.agency() + ")");
            }
        }
    }

    /**
     * The conditions sent: the contact's, narrowed by those of every agreement that released a part, so an answer
     * never lets the requester do more with a part than its agreement lets a share.
     */
    private HandlingConditions narrowed(HandlingConditions asked, AnswerDecisions.Decided decided, Instant now) {
        HandlingConditions conditions = asked;
        for (RequestEnvelopes.ReleasedPart part : decided.released()) {
            conditions = conditions.narrowedBy(PeerEnvelopes.conditions(
                    policies.current().peerConditionsOf(part.agreement()), now));
        }
        return conditions;
    }

    private Category category(org.interlock.contracts.Agency agency, String name) {
        return catalogues.of(agency).categories().get(name);
    }

    private static ProblemException answeredAlready(StoredRequest request) {
        return new ProblemException(ProblemType.CONFLICT, "The request for information " + request.id()
                + " is answered already: its answer stands");
    }
}
