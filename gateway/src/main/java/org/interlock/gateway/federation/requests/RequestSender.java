package org.interlock.gateway.federation.requests;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.Decision;
import org.interlock.audit.record.Resource;
import org.interlock.federation.envelope.InformationRequest;
import org.interlock.gateway.audit.store.AuditStore;
import org.interlock.gateway.federation.Federation;
import org.interlock.gateway.federation.send.FederationOutbox;
import org.interlock.gateway.people.LinkedCaseload;
import org.interlock.policy.language.Policy;
import org.interlock.policy.loading.PolicyStore;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;
import org.interlock.policy.Principal;
import org.jboss.logging.Logger;

/**
 * Sends an officer's request for information to a peer: checked at the edge, then the envelope queued, its
 * SEND_ENVELOPE record (naming the officer, the person, the purpose and the request id) appended and the request
 * stored as {@code sent}, all in one transaction. Blocking (JDBC).
 * <p>
 * A request tells the peer that this side takes an interest in the person, and carries the officer's free text:
 * an officer asks only about a person on their caseload, allocated to them by someone with the authority to
 * allocate, so that no officer can make a foreign authority look at anyone by their own act. A refusal is recorded
 * (SEND_ENVELOPE denied {@value #NOT_ON_CASELOAD}) and nothing is stored or sent.
 */
@ApplicationScoped
public class RequestSender {

    private static final Logger LOG = Logger.getLogger(RequestSender.class);
    static final String NOT_ON_CASELOAD = "not-on-caseload";

    private final Federation federation;
    private final FederationOutbox outbox;
    private final PolicyStore policies;
    private final Deadlines deadlines;
    private final LinkedCaseload caseload;
    private final AuditStore audit;

    public RequestSender(Federation federation, FederationOutbox outbox, PolicyStore policies, DeadlineConfig config,
            LinkedCaseload caseload, AuditStore audit) {
        this.federation = federation;
        this.outbox = outbox;
        this.policies = policies;
        this.deadlines = Deadlines.of(config);
        this.caseload = caseload;
        this.audit = audit;
    }

    public StoredRequest send(RequestForm form, Principal principal, Actor officer) throws SQLException {
        Federation.Self self = federation.self()
                .orElseThrow(() -> ProblemException.notFound("This deployment does not federate"));
        Policy policy = policies.current();
        RequestChecks.Checked checked = RequestChecks.check(form,
                peer -> self.anchors().current().peer(peer).isPresent(), policy.purposes(), policy.categories());
        if (!caseload.includes(principal, checked.person())) {
            refuse(checked, officer, policy.version());
        }
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

    private void refuse(RequestChecks.Checked checked, Actor officer, String policyVersion) throws SQLException {
        audit.append(List.of(AuditRecord.builder(Instant.now(), officer, Action.SEND_ENVELOPE,
                        Decision.deny(NOT_ON_CASELOAD))
                .resource(new Resource(FederationOutbox.RESOURCE_TYPE, Principal.PEER_PREFIX + checked.peer(),
                        checked.person(), null, null))
                .purpose(checked.purpose())
                .policyVersion(policyVersion)
                .build()));
        throw new ProblemException(ProblemType.FORBIDDEN, "A peer is asked only about a person on the officer's"
                + " caseload");
    }
}
