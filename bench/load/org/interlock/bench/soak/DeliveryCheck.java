package org.interlock.bench.soak;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.interlock.bench.soak.AuditExport.Route;
import org.interlock.bench.soak.Load.Write;
import org.interlock.bench.soak.TopicDump.Event;

/**
 * What the soak's writes became, read back after the quiet period: each committed write's events
 * on the prisons topic; each event routed (a ROUTE_EVENT decision for every candidate inbox);
 * each copy the policy permitted in its inbox exactly once, none without its source event or its
 * audit record; each person's copies in the order of their events.
 *
 * <p>Exactly once is what ADR 0003 promises: a relay that dies after Kafka's ack re-publishes an
 * event with the same id, the exchange routes it again to a copy with the same id, and the
 * recipient's inbox keeps one (it de-duplicates on the id). Such redeliveries are counted, not
 * failed; a copy missing, a second copy under another id, or one the policy denied fails. Order
 * is checked on each event's and each copy's first occurrence, which is what a recipient acts on.
 */
final class DeliveryCheck {

    /** The inboxes the exchange puts a prisons event to: the other statutory agencies (the soak registers no partner). */
    static final List<String> CANDIDATES = List.of("probation", "intelligence");
    private static final String PRISONS_TOPIC = "interlock.prisons.events";
    /** The inbox the policy gives every custody event (agreement prisons-to-probation-custody, custody.*). */
    private static final String ENTITLED = "probation";

    /** The figures, and a line per failure with an example, for the summary. */
    final Map<String, Long> figures = new LinkedHashMap<>();
    final List<String> failures = new ArrayList<>();

    private final Collection<Write> writes;
    private final List<Event> agencyEvents;
    private final List<Event> copies;
    private final Map<String, List<Route>> routes;

    DeliveryCheck(Collection<Write> writes, List<Event> agencyEvents, List<Event> copies,
            Map<String, List<Route>> routes) {
        this.writes = writes;
        this.agencyEvents = agencyEvents;
        this.copies = copies;
        this.routes = routes;
    }

    /** The id the gateway gives the copy of an event in an inbox ({@code Inbox.copyId}). */
    static String copyId(String sourceEventId, String recipient) {
        return UUID.nameUUIDFromBytes(("interlock-copy:" + sourceEventId + ":" + recipient)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    void run() {
        Set<String> persons = new HashSet<>();
        writes.forEach(w -> persons.add(w.person()));
        Map<String, List<Event>> ours = new HashMap<>();
        Map<String, Integer> idCounts = new HashMap<>();
        for (Event e : agencyEvents) {
            idCounts.merge(e.header("ce_id"), 1, Integer::sum);
            if (e.topic().equals(PRISONS_TOPIC) && persons.contains(e.key())) {
                ours.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
            }
        }
        count("agency events of the soak's writes", ours.values().stream().mapToLong(List::size).sum());
        count("events re-published with the same id after a fault (at-least-once relay, ADR 0003)",
                idCounts.values().stream().filter(n -> n > 1).count());
        writesReachedTopic(ours);
        Map<String, List<Event>> byCopy = inboxIndex();
        routed(ours, byCopy);
        everyCopyAudited();
        order(ours);
    }

    /** Nothing lost: every committed write has its events on the agency topic. */
    private void writesReachedTopic(Map<String, List<Event>> ours) {
        long committed = 0;
        long lost = 0;
        long unconfirmedButCommitted = 0;
        String example = "";
        for (Write w : writes) {
            List<Event> events = ours.getOrDefault(w.person(), List.of());
            List<String> types = w.kind().equals("receive") ? List.of(".custody.received.", ".custody.security-category-set.")
                    : List.of(".custody.release-date-set.");
            boolean all = types.stream().allMatch(t -> events.stream().anyMatch(e -> e.header("ce_type").contains(t)));
            if (w.committed()) {
                committed++;
                if (!all) {
                    lost++;
                    example = w.kind() + " " + w.person() + " (HTTP " + w.status() + ", episode " + w.episode() + ")";
                }
            } else if (all && w.kind().equals("receive")) {
                unconfirmedButCommitted++;
            }
        }
        count("committed writes (2xx)", committed);
        count("writes without a 2xx whose events exist (committed, answer lost)", unconfirmedButCommitted);
        expectNone("committed writes whose events are missing on the agency topic", lost, example);
    }

    /** The copies by inbox and source event; a copy without a source event, or twice, or misnamed, fails. */
    private Map<String, List<Event>> inboxIndex() {
        Set<String> sources = new HashSet<>();
        agencyEvents.forEach(e -> sources.add(e.header("ce_id")));
        Map<String, List<Event>> byCopy = new HashMap<>();
        long orphans = 0;
        long misnamed = 0;
        String orphan = "";
        String wrongId = "";
        for (Event c : copies) {
            String source = c.header("ce_sourceeventid");
            if (source == null) {
                continue; // a notice of the gateway's own (erasure), not a copy
            }
            String recipient = c.header("ce_recipient");
            byCopy.computeIfAbsent(recipient + "|" + source, k -> new ArrayList<>()).add(c);
            if (!sources.contains(source)) {
                orphans++;
                orphan = c.topic() + "@" + c.partition() + ":" + c.offset() + " source " + source;
            }
            if (!copyId(source, recipient).equals(c.header("ce_id"))) {
                misnamed++;
                wrongId = c.topic() + "@" + c.partition() + ":" + c.offset() + " id " + c.header("ce_id");
            }
        }
        count("inbox copies (read_committed, all inboxes)", byCopy.values().stream().mapToLong(List::size).sum());
        expectNone("copies without a source event", orphans, orphan);
        expectNone("copies whose id is not copyId(source, recipient)", misnamed, wrongId);
        count("copies redelivered under the same id (the recipient keeps one, ADR 0003)",
                byCopy.values().stream().filter(c -> c.size() > 1).count());
        return byCopy;
    }

    /** Every event of the soak decided for every candidate inbox; a permit delivered, a deny not. */
    private void routed(Map<String, List<Event>> ours, Map<String, List<Event>> byCopy) {
        long decisions = 0;
        long permits = 0;
        long entitledOnce = 0;
        long undecided = 0;
        long undelivered = 0;
        long deliveredOnDeny = 0;
        long reRouted = 0;
        String[] examples = {"", "", ""};
        for (List<Event> events : ours.values()) {
            for (Event e : events) {
                for (String recipient : CANDIDATES) {
                    List<Route> decided = routes.getOrDefault(copyId(e.header("ce_id"), recipient), List.of());
                    List<Event> delivered = byCopy.getOrDefault(recipient + "|" + e.header("ce_id"), List.of());
                    if (decided.isEmpty()) {
                        // A refusal that names no agreement with the inbox is not recorded (Disclosure.evidence);
                        // probation's agreement covers custody.*, so its decisions are always there.
                        if (recipient.equals(ENTITLED)) {
                            undecided++;
                            examples[0] = e.header("ce_id") + " for " + recipient;
                        }
                        continue;
                    }
                    decisions++;
                    reRouted += decided.size() > 1 ? 1 : 0;
                    boolean permit = decided.stream().anyMatch(r -> r.outcome().equals("PERMIT"));
                    permits += permit ? 1 : 0;
                    if (permit && delivered.isEmpty()) {
                        undelivered++;
                        examples[1] = e.header("ce_id") + " to " + recipient + " (audit sequence "
                                + decided.getFirst().sequence() + ")";
                    }
                    if (!permit && !delivered.isEmpty()) {
                        deliveredOnDeny++;
                        examples[2] = e.header("ce_id") + " to " + recipient;
                    }
                    if (permit && recipient.equals(ENTITLED) && !delivered.isEmpty()) {
                        entitledOnce++;
                    }
                }
            }
        }
        count("routing decisions audited (event x inbox)", decisions);
        count("of which permitted (entitled inboxes)", permits);
        count("copies decided more than once (re-routed after a fault)", reRouted);
        expectNone("events without a routing decision for probation's inbox", undecided, examples[0]);
        expectNone("permitted copies missing from their inbox", undelivered, examples[1]);
        expectNone("copies in an inbox the policy denied", deliveredOnDeny, examples[2]);
        long events = ours.values().stream().mapToLong(List::size).sum();
        count("events of the soak in probation's inbox, by permit, under their one copy id", entitledOnce);
        if (entitledOnce != events) {
            failures.add("events of the soak not in probation's inbox exactly once: " + (events - entitledOnce));
        }
    }

    /** No disclosure without an audit record: every copy in any inbox has its permitting ROUTE_EVENT. */
    private void everyCopyAudited() {
        long unaudited = 0;
        String example = "";
        for (Event c : copies) {
            if (c.header("ce_sourceeventid") == null) {
                continue;
            }
            List<Route> decided = routes.getOrDefault(c.header("ce_id"), List.of());
            if (decided.stream().noneMatch(r -> r.outcome().equals("PERMIT"))) {
                unaudited++;
                example = c.topic() + "@" + c.partition() + ":" + c.offset() + " copy " + c.header("ce_id");
            }
        }
        expectNone("inbox copies without a PERMIT ROUTE_EVENT audit record", unaudited, example);
    }

    /** Per person and inbox, copies in the order of their source events on the agency topic. */
    private void order(Map<String, List<Event>> ours) {
        Map<String, Long> sourceOffset = new HashMap<>();
        ours.values().forEach(events -> events.forEach(e -> sourceOffset.merge(e.header("ce_id"), e.offset(), Math::min)));
        Map<String, List<Event>> byPersonAndInbox = new HashMap<>();
        Set<String> seenCopies = new HashSet<>();
        List<Event> inOrderRead = new ArrayList<>(copies);
        inOrderRead.sort(Comparator.comparingInt(Event::partition).thenComparingLong(Event::offset));
        for (Event c : inOrderRead) {
            String source = c.header("ce_sourceeventid");
            if (source != null && sourceOffset.containsKey(source) && seenCopies.add(c.topic() + "|" + c.header("ce_id"))) {
                byPersonAndInbox.computeIfAbsent(c.topic() + "|" + c.header("ce_recipient") + "|" + c.key(),
                        k -> new ArrayList<>()).add(c);
            }
        }
        long checked = 0;
        long outOfOrder = 0;
        String example = "";
        for (Map.Entry<String, List<Event>> e : byPersonAndInbox.entrySet()) {
            List<Event> inInbox = new ArrayList<>(e.getValue());
            inInbox.sort(Comparator.comparingInt(Event::partition).thenComparingLong(Event::offset));
            if (inInbox.size() < 2) {
                continue;
            }
            checked++;
            for (int i = 1; i < inInbox.size(); i++) {
                boolean samePartition = inInbox.get(i).partition() == inInbox.get(i - 1).partition();
                long before = sourceOffset.get(inInbox.get(i - 1).header("ce_sourceeventid"));
                long after = sourceOffset.get(inInbox.get(i).header("ce_sourceeventid"));
                if (!samePartition || after < before) {
                    outOfOrder++;
                    example = e.getKey();
                    break;
                }
            }
        }
        count("persons x inbox with 2+ copies, order checked", checked);
        expectNone("persons whose copies are out of order in an inbox", outOfOrder, example);
    }

    private void count(String name, long value) {
        figures.put(name, value);
    }

    private void expectNone(String name, long value, String example) {
        figures.put(name, value);
        if (value != 0) {
            failures.add(name + ": " + value + " (e.g. " + example + ")");
        }
    }
}
