package org.interlock.gateway.feeds;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.audit.record.Action;
import org.interlock.audit.record.AuditRecord;
import org.interlock.gateway.audit.AuditTrail;
import org.interlock.gateway.audit.Evidence;
import org.interlock.gateway.audit.RequestTrace;
import org.interlock.gateway.disclosure.Audience;
import org.interlock.gateway.disclosure.Disclosable;
import org.interlock.gateway.disclosure.Disclosed;
import org.interlock.gateway.disclosure.Disclosure;
import org.interlock.gateway.topics.AgencyEvent;
import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.policy.Permit;
import org.interlock.policy.PersonLinks;
import org.interlock.policy.Principal;
import org.jboss.logging.Logger;

/**
 * One live stream: a bounded queue the feed log offers events into (never blocking it), and a
 * virtual thread that takes them in batches, decides each for this subscriber (action subscribe,
 * its purpose, the policy and consents in force at that moment), records what it will push and
 * pushes only once the records are durable. When the queue overflows, or the token expires, the
 * stream ends with a message that says why and where to resume. The transport (SSE or WebSocket)
 * is a {@link FeedSink}; everything that decides what a subscriber sees is here, once.
 */
public final class FeedSubscriber {

    private static final Logger LOG = Logger.getLogger(FeedSubscriber.class);
    private static final int BATCH = 256;

    /** Who subscribes, for what, from where (null: from now), until when. */
    public record Subscription(String id, Principal principal, String client, String purpose, FeedFilter filter,
            FeedPosition resume, Instant expiresAt, RequestTrace trace) {
    }

    private final Subscription subscription;
    private final BlockingQueue<FeedEntry> queue;
    private final Disclosure disclosure;
    private final Audience audience;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private volatile boolean overflowed;
    private volatile boolean closed;
    private FeedSink sink;
    /** Released whenever the transport may take more: the pusher waits on it, not on a clock. */
    private final Semaphore demand = new Semaphore(0);
    private final Consumer<FeedSubscriber> onEnd;
    private final PersonLinks links;
    private FeedPosition position;
    /** Set while the stream must first read from the topics; null once it has joined the log. */
    private FeedHistory history;
    private FeedLog log;

    FeedSubscriber(Subscription subscription, int capacity, Disclosure disclosure, AuditTrail audit, ObjectMapper json,
            PersonLinks links, Consumer<FeedSubscriber> onEnd) {
        this.subscription = subscription;
        this.links = links;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.disclosure = disclosure;
        this.audience = new Audience(subscription.principal(), Evidence.actor(subscription.principal(),
                subscription.client()), org.interlock.policy.Action.SUBSCRIBE, List.of(subscription.purpose()), null,
                Action.PUSH_FEED, Audience.Recording.PUSHED);
        this.audit = audit;
        this.json = json;
        this.onEnd = onEnd;
    }

    /** Where the stream starts: the position the feed log registered this subscriber at. */
    void startsAt(FeedPosition start) {
        this.position = start;
    }

    /**
     * Starts from a position older than the feed log's window: the stream first reads what it
     * missed from the topics ({@link FeedHistory}), then joins the log where its window begins.
     */
    void catchesUpFrom(FeedPosition resume, FeedHistory history, FeedLog log) {
        this.position = resume;
        this.history = history;
        this.log = log;
    }

    boolean follows(String person) {
        return !closed && subscription.filter().follows(person, links);
    }

    /** Called by the feed log for every event, in its order; never blocks. */
    void offer(FeedEntry entry) {
        if (closed || !subscription.filter().matches(entry, links)) {
            return;
        }
        if (!queue.offer(entry)) {
            overflowed = true;
        }
    }

    /** Starts pushing to {@code sink}; returns at once. */
    void start(FeedSink sink) {
        this.sink = sink;
        sink.onReady(demand::release);
        sink.onClosed(() -> {
            closed = true;
            demand.release();
        });
        Thread.ofVirtual().name("feed-" + subscription.id()).start(() -> {
            try {
                run();
            } catch (RuntimeException e) {
                LOG.warnf("Feed %s ended: %s", subscription.id(), e.getClass().getSimpleName());
                end("error", "The feed failed; resume from the last event id");
            } finally {
                closed = true;
                onEnd.accept(this);
            }
        });
    }

    private void catchUp() {
        for (int attempt = 0; history != null && !closed; attempt++) {
            FeedPosition reached = history.replay(position, log.floor(), entry -> subscription.filter().matches(entry, links), this::push,
                    () -> closed);
            position = reached;
            if (log.join(this, reached)) {
                history = null;
            } else if (attempt > 10) {
                end("overflow", "The feed could not catch up with the events: resume from this position");
            }
        }
    }

    private void run() {
        catchUp();
        List<FeedEntry> batch = new ArrayList<>(BATCH);
        while (!closed) {
            if (Instant.now().isAfter(subscription.expiresAt())) {
                end("token-expired", "The access token expired: authenticate again and resume from this position");
                return;
            }
            if (overflowed) {
                end("overflow", "This client read too slowly and its buffer overflowed: resume from this position");
                return;
            }
            FeedEntry first = poll(untilExpiry());
            if (first == null) {
                continue;
            }
            batch.clear();
            batch.add(first);
            queue.drainTo(batch, BATCH - 1);
            push(batch);
        }
    }

    /** Decides, records, then pushes one batch; events refused are passed over silently. */
    private void push(List<FeedEntry> batch) {
        List<Step> steps = new ArrayList<>(batch.size());
        List<AuditRecord> evidence = new ArrayList<>(batch.size());
        FeedPosition next = position;
        for (FeedEntry entry : batch) {
            next = next.after(entry.partition(), entry.offset());
            steps.add(new Step(next, decide(entry, next, evidence)));
        }
        audit.recordAndWait(evidence);
        for (Step step : steps) {
            if (step.event() != null) {
                if (!awaitDemand()) {
                    return;
                }
                sink.event(step.after().encode(), step.event());
            }
            position = step.after();
        }
    }

    /** One event of a batch: the position after it, and what to push as JSON (null: nothing). */
    private record Step(FeedPosition after, String event) {
    }

    private String decide(FeedEntry entry, FeedPosition after, List<AuditRecord> evidence) {
        AgencyEvent event = entry.event();
        Disclosed disclosed = disclosure.disclose(audience, Disclosable.of(event), subscription.trace(), Instant.now());
        evidence.addAll(disclosed.evidence());
        return disclosed.withheld() ? null : view(event, disclosed.permits().getFirst(), disclosed.released()).toString();
    }

    /**
     * Waits while the client reads nothing (the transport takes no more); meanwhile the queue
     * fills, and a full queue ends the stream. False when it ended.
     */
    private boolean awaitDemand() {
        while (!sink.ready() && !closed) {
            if (overflowed) {
                end("overflow", "This client read too slowly and its buffer overflowed: resume from this position");
                return false;
            }
            try {
                // Woken by the transport; an SSE write queue that drains has no signal, so look again soon.
                demand.tryAcquire(5, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !closed;
    }

    private ObjectNode view(AgencyEvent event, Permit permit, JsonNode released) {
        ObjectNode view = json.createObjectNode()
                .put("id", event.id())
                .put("type", event.type())
                .put("origin", event.origin().id())
                .put("person", event.person())
                .put("category", event.category().name())
                .put("classification", permit.releasedAs().label())
                .put("agreement", permit.agreementId())
                .put("time", event.time().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        view.set("data", released);
        return view;
    }

    private void end(String reason, String detail) {
        if (sink == null || closed) {
            return;
        }
        LOG.infof("Feed %s ended: %s", subscription.id(), reason);
        closed = true;
        sink.end(reason, notice(json, reason, detail, position));
    }

    /** Why a stream ends and where to resume, as the last message says it. */
    static String notice(ObjectMapper json, String reason, String detail, FeedPosition resume) {
        return json.createObjectNode().put("reason", reason).put("detail", detail).put("resume", resume.encode())
                .toString();
    }

    private Duration untilExpiry() {
        Duration left = Duration.between(Instant.now(), subscription.expiresAt());
        return left.compareTo(Duration.ofMillis(500)) < 0 ? left.isNegative() ? Duration.ZERO : left
                : Duration.ofMillis(500);
    }

    private FeedEntry poll(Duration wait) {
        try {
            return queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
            return null;
        }
    }
}
