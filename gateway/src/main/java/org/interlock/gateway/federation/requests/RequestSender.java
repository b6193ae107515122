package org.interlock.gateway.federation.requests;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.audit.record.AuditRecord;
import org.interlock.audit.record.Decision;
import org.interlock.audit.record.Resource;
import org.interlock.contracts.Agency;
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
 * Sends an officer's request for information to a peer: checked at the edge, put to the disclosure point
 * ({@link RequestDecisions}: an agreement of the officer's agency to the peer must permit it, as asked), then the
 * envelope queued, the decision's ASK_PEER record and the SEND_ENVELOPE record (naming the officer, the person, the
 * purpose and the request id) appended and the request stored as {@code sent}, all in one transaction. Blocking
 * (JDBC).
 * <p>
 * A request tells the peer that this side takes an interest in the person, and carries the officer's free text:
 * an officer of a statutory agency asks only about a person on their caseload, allocated to them by someone with
 * the authority to allocate, so that no officer can make a foreign authority look at anyone by their own act. Every
 * refusal is 403 with one ASK_PEER record denied (the disclosure point's, or {@value #NOT_STATUTORY},
 * {@value #NOT_ON_CASELOAD}, {@value #WOULD_BE_ALTERED}), and nothing is stored or sent.
 */
@ApplicationScoped
public class RequestSender {

    private static final Logger LOG = Logger.getLogger(RequestSender.class);
    static final String NOT_STATUTORY = "not-a-statutory-agency";
    static final String NOT_ON_CASELOAD = "not-on-caseload";
    /** Permitted only with obligations that would cut the request down: another request than the officer's. */
    static final String WOULD_BE_ALTERED = "would-be-altered";

    private final Federation federation;
    private final FederationOutbox outbox;
    private final PolicyStore policies;
    private final Deadlines deadlines;
    private final LinkedCaseload caseload;
    private final RequestDecisions decisions;
    private final AuditStore audit;

    public RequestSender(Federation federation, FederationOutbox outbox, PolicyStore policies, DeadlineConfig config,
            LinkedCaseload caseload, RequestDecisions decisions, AuditStore audit) {
        this.federation = federation;
        this.outbox = outbox;
        this.policies = policies;
        this.deadlines = Deadlines.of(config);
        this.caseload = caseload;
        this.decisions = decisions;
        this.audit = audit;
    }

    public StoredRequest send(RequestForm form, Principal principal, Actor officer, String traceId)
            throws SQLException {
        Federation.Self self = federation.self()
                .orElseThrow(() -> ProblemException.notFound("This deployment does not federate"));
        Policy policy = policies.current();
        RequestChecks.Checked checked = RequestChecks.check(form,
                peer -> self.anchors().current().peer(peer).isPresent(), policy.purposes(), policy.categories());
        Refusals refusals = new Refusals(checked, UUID.randomUUID(), officer, policy.version());
        Optional<Agency> agency = Agency.ofId(principal.agency()).filter(Agency::statutory);
        if (agency.isEmpty()) {
            refusals.refuse(NOT_STATUTORY, null, "Only an officer of a statutory agency asks a peer");
        }
        if (!caseload.includes(principal, checked.person())) {
            refusals.refuse(NOT_ON_CASELOAD, null, "A peer is asked only about a person on the officer's caseload");
        }
        Instant now = Instant.now();
        RequestDecisions.Decided decided = decisions.decide(checked, refusals.id().toString(), officer, agency.get(),
                traceId, now);
        if (decided.disclosed().withheld()) {
            audit.append(decided.disclosed().evidence());
            throw new ProblemException(ProblemType.FORBIDDEN, "No agreement of your agency lets peer '"
                    + checked.peer() + "' be asked this, for this purpose");
        }
        if (!decided.asAsked()) {
            refusals.refuse(WOULD_BE_ALTERED, decided.disclosed().permits().getFirst().agreementId(),
                    "The agreement would change the request; it is not sent");
        }
        return queue(self, checked, refusals.id(), officer, decided, now);
    }

    private StoredRequest queue(Federation.Self self, RequestChecks.Checked checked, UUID id, Actor officer,
            RequestDecisions.Decided decided, Instant now) {
        InformationRequest request = new InformationRequest(id.toString(), checked.purpose(), checked.urgency(),
                checked.justification());
        FederationOutbox.Sending sending = new FederationOutbox.Sending(officer, checked.person(), checked.purpose(),
                request.id(), decided.disclosed().evidence());
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

    /** A request refused before the disclosure point decided, or after it permitted too little: one record each. */
    private final class Refusals {

        private final RequestChecks.Checked checked;
        private final UUID id;
        private final Actor officer;
        private final String policyVersion;

        Refusals(RequestChecks.Checked checked, UUID id, Actor officer, String policyVersion) {
            this.checked = checked;
            this.id = id;
            this.officer = officer;
            this.policyVersion = policyVersion;
        }

        UUID id() {
            return id;
        }

        void refuse(String reason, String agreement, String detail) throws SQLException {
            audit.append(List.of(AuditRecord.builder(Instant.now(), officer, Action.ASK_PEER, Decision.deny(reason))
                    .resource(new Resource(RequestDecisions.CATEGORY, id.toString(), checked.person(),
                            RequestDecisions.CATEGORY, null))
                    .purpose(checked.purpose())
                    .agreement(agreement)
                    .policyVersion(policyVersion)
                    .requestId(id.toString())
                    .build()));
            throw new ProblemException(ProblemType.FORBIDDEN, detail);
        }
    }
}
