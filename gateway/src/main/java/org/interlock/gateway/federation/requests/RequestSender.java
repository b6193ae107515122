package org.interlock.gateway.federation.requests;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.audit.record.Actor;
import org.interlock.federation.envelope.InformationRequest;
import org.interlock.gateway.federation.Federation;
import org.interlock.gateway.federation.send.FederationOutbox;
import org.interlock.policy.language.Policy;
import org.interlock.policy.loading.PolicyStore;
import org.interlock.platform.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Sends an officer's request for information to a peer: checked at the edge, then the envelope queued, its
 * SEND_ENVELOPE record (naming the officer, the person, the purpose and the request id) appended and the request
 * stored as {@code sent}, all in one transaction. Blocking (JDBC).
 */
@ApplicationScoped
public class RequestSender {

    private static final Logger LOG = Logger.getLogger(RequestSender.class);

    private final Federation federation;
    private final FederationOutbox outbox;
    private final PolicyStore policies;
    private final Deadlines deadlines;

    public RequestSender(Federation federation, FederationOutbox outbox, PolicyStore policies, DeadlineConfig config) {
        this.federation = federation;
        this.outbox = outbox;
        this.policies = policies;
        this.deadlines = Deadlines.of(config);
    }

    public StoredRequest send(RequestForm form, Actor officer) {
        Federation.Self self = federation.self()
                .orElseThrow(() -> ProblemException.notFound("This deployment does not federate"));
        Policy policy = policies.current();
        RequestChecks.Checked checked = RequestChecks.check(form,
                peer -> self.anchors().current().peer(peer).isPresent(), policy.purposes(), policy.categories());
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        InformationRequest request = new InformationRequest(id.toString(), checked.purpose(), checked.urgency(),
                checked.justification());
        FederationOutbox.Sending sending = new FederationOutbox.Sending(officer, checked.person(), checked.purpose(),
                request.id(), List.of());
        StoredRequest stored = outbox.enqueue(checked.peer(),
                RequestEnvelopes.request(self.peerId(), request, checked.person(), checked.asked(), now), sending,
                (c, seq) -> {
                    StoredRequest sent = new StoredRequest(id, Direction.OUTGOING, checked.peer(), request.id(),
                            checked.person(), checked.purpose(), checked.urgency(), checked.justification(),
                            checked.asked(), new StoredRequest.Requester(officer.subject(), officer.agency()),
                            RequestState.SENT, now, deadlines.deadline(checked.urgency(), now), seq, null, null, null,
                            null);
                    RequestStore.insert(c, sent);
                    return sent;
                });
        LOG.infof("Request for information %s queued for peer %s, audit record %d", stored.id(), stored.peer(),
                stored.ownSequence());
        return stored;
    }
}
