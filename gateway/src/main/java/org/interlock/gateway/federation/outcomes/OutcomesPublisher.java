package org.interlock.gateway.federation.outcomes;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.audit.record.Action;
import org.interlock.audit.record.Actor;
import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.federation.outcomes.OutcomeCount;
import org.interlock.federation.outcomes.PublishedCell;
import org.interlock.federation.trust.Peer;
import org.interlock.gateway.audit.AuditTrail;
import org.interlock.gateway.audit.RequestTrace;
import org.interlock.gateway.disclosure.Audience;
import org.interlock.gateway.disclosure.Disclosable;
import org.interlock.gateway.disclosure.Disclosed;
import org.interlock.gateway.disclosure.Disclosure;
import org.interlock.gateway.federation.Federation;
import org.interlock.gateway.federation.send.FederationOutbox;
import org.interlock.platform.problem.ProblemException;
import org.interlock.policy.Principal;
import org.interlock.policy.Resource;
import org.jboss.logging.Logger;

/**
 * The single point of contact publishes a period's outcomes to every anchored peer. For each peer, each arranging
 * agency's counts are put to the disclosure point as a disclosure to {@code federation:<peer>} of category
 * {@value #CATEGORY} (no person; purpose {@value #PURPOSE}); only when it permits every arranging agency's are
 * they added up (one table for every peer: two peers given tables of different agencies could subtract one from
 * the other), small cells suppressed, and the table queued as an {@code OUTCOMES} envelope with the decisions' PUBLISH_OUTCOMES records and
 * its SEND_ENVELOPE record in one transaction. A peer no agreement permits gets nothing, and the refusal is
 * recorded. A period goes to a peer once: a second table of it, changed by outcomes recorded late, would give the
 * change away by subtraction. Blocking (JDBC).
 */
@ApplicationScoped
public class OutcomesPublisher {

    /** The policy category of a deployment's aggregate outcomes: an agreement to a peer must name it. */
    public static final String CATEGORY = "intervention-outcomes";
    /** What publishing is for: oversight of what the services achieve, not the case of anyone. */
    static final String PURPOSE = "oversight";
    /** The agencies that arrange interventions, whose outcomes are counted. */
    static final Set<Agency> ARRANGING = EnumSet.of(Agency.PRISONS, Agency.PROBATION);
    private static final Logger LOG = Logger.getLogger(OutcomesPublisher.class);

    /** What happened for one peer. */
    public enum Outcome {
        SENT, REFUSED, ALREADY_PUBLISHED;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** What happened for one peer: sent (with how many cells, how many suppressed), refused, or sent before. */
    public record PeerResult(String peer, Outcome outcome, List<String> agencies, int cells, int suppressed,
            Long sequence) {

        static PeerResult notSent(String peer, Outcome outcome) {
            return new PeerResult(peer, outcome, List.of(), 0, 0, null);
        }
    }

    private final Federation federation;
    private final OutcomeTally tally;
    private final OutcomeTables tables;
    private final Disclosure disclosure;
    private final FederationOutbox outbox;
    private final AuditTrail trail;
    private final OutcomePublications publications;

    public OutcomesPublisher(Federation federation, OutcomeTally tally, OutcomeTables tables, Disclosure disclosure,
            FederationOutbox outbox, AuditTrail trail, OutcomePublications publications) {
        this.federation = federation;
        this.tally = tally;
        this.tables = tables;
        this.disclosure = disclosure;
        this.outbox = outbox;
        this.trail = trail;
        this.publications = publications;
    }

    public List<PeerResult> publish(Period period, Actor contact, String traceId) throws SQLException {
        Federation.Self self = federation.self()
                .orElseThrow(() -> ProblemException.notFound("This deployment does not federate"));
        Map<Agency, List<OutcomeCount>> counts = tally.counts(period);
        Instant now = Instant.now();
        List<PeerResult> results = new ArrayList<>();
        for (String peer : self.anchors().current().peers().stream().map(Peer::id).sorted().toList()) {
            results.add(publishTo(self, peer, period, counts, contact, new RequestTrace(null, traceId), now));
        }
        return results;
    }

    private PeerResult publishTo(Federation.Self self, String peer, Period period,
            Map<Agency, List<OutcomeCount>> counts, Actor contact, RequestTrace trace, Instant now)
            throws SQLException {
        if (publications.published(peer, period)) {
            return PeerResult.notSent(peer, Outcome.ALREADY_PUBLISHED);
        }
        Audience audience = new Audience(Principal.peer(peer), contact, org.interlock.policy.Action.RECEIVE,
                List.of(PURPOSE), null, Action.PUBLISH_OUTCOMES, Audience.Recording.ASKED);
        Disclosable counted = disclosable(peer, period, counts);
        Disclosed disclosed = disclosure.disclose(audience, counted, trace, now);
        Set<Agency> permitted = permitted(counted, disclosed);
        if (!permitted.equals(ARRANGING)) {
            // One table for every peer or none: two peers given tables of different agencies could subtract them.
            trail.recordAndWait(disclosed.evidence());
            LOG.infof("Outcomes for %s not published to peer %s: not every arranging agency's agreement permits it",
                    period.code(), peer);
            return PeerResult.notSent(peer, Outcome.REFUSED);
        }
        List<PublishedCell> table = tables.table(period.code(), counts, permitted);
        FederationOutbox.Sending sending = new FederationOutbox.Sending(contact, null, PURPOSE, null,
                disclosed.evidence());
        long seq;
        try {
            seq = outbox.enqueue(peer, OutcomesEnvelopes.outcomes(self.peerId(), period, table, now), sending,
                    (c, s) -> {
                        OutcomePublications.insert(c, peer, period, s);
                        return s;
                    });
        } catch (ProblemException e) {
            if (publications.published(peer, period)) {
                // A publication racing this one got there first; this one's transaction queued nothing.
                return PeerResult.notSent(peer, Outcome.ALREADY_PUBLISHED);
            }
            throw e;
        }
        int suppressed = (int) table.stream().filter(PublishedCell::isSuppressed).count();
        LOG.infof("Outcomes for %s queued for peer %s (%d cells, %d suppressed), audit record %d", period.code(),
                peer, table.size(), suppressed, seq);
        return new PeerResult(peer, Outcome.SENT, permitted.stream().map(Agency::id).toList(), table.size(),
                suppressed, seq);
    }

    /**
     * The period's counts as the disclosure point sees them: one facet per arranging agency (its counts under its
     * id), about no person, so each agency's agreement decides for its own counts. Its id, {@code
     * federation:<peer>/<period>}, is what the PUBLISH_OUTCOMES records name.
     */
    private static Disclosable disclosable(String peer, Period period, Map<Agency, List<OutcomeCount>> counts) {
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        List<Disclosable.Facet> facets = new ArrayList<>();
        for (Agency agency : ARRANGING) {
            var cells = content.putArray(agency.id());
            counts.getOrDefault(agency, List.of()).forEach(count -> cells.addObject()
                    .put("interventionType", count.interventionType()).put("outcome", count.outcome())
                    .put("count", count.count()));
            facets.add(new Disclosable.Facet(new Resource(agency, CATEGORY, Classification.OFFICIAL, null, null,
                    CATEGORY), List.of(agency.id()), Map.of()));
        }
        return new Disclosable(Principal.PEER_PREFIX + peer + "/" + period.code(), content, facets);
    }

    /**
     * The agencies whose counts the disclosure point released whole. The table is added up from the counts, not
     * from what was released, so an agency whose counts an agreement's obligations changed (a projection, a
     * redaction) is left out rather than published unchanged: fail closed.
     */
    private static Set<Agency> permitted(Disclosable counted, Disclosed disclosed) {
        Set<Agency> permitted = EnumSet.noneOf(Agency.class);
        if (disclosed.withheld()) {
            return permitted;
        }
        JsonNode released = disclosed.released();
        for (Agency agency : ARRANGING) {
            JsonNode own = counted.content().get(agency.id());
            if (released.has(agency.id()) && released.get(agency.id()).equals(own)) {
                permitted.add(agency);
            }
        }
        return permitted;
    }

    /** Today in UTC: a period is published once it has ended everywhere it could be read. */
    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
