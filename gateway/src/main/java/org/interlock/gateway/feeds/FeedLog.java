package org.interlock.gateway.feeds;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interlock.gateway.topics.AgencyEvent;
import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;

/**
 * The recent agency events of every topic, as this replica read them (its own reader, from the
 * last {@code interlock.feeds.retention-events} of each partition: ADR 0012), kept for resuming feeds: the last {@code interlock.feeds.retention-events}
 * of them, and never more than {@code interlock.feeds.retention-memory} of heap (estimated per
 * event from its size on the topic), so that large events shorten the window instead of
 * exhausting the gateway's memory. Each new event is offered to every live subscriber; offering
 * never blocks, so a slow subscriber never slows the others or this reader.
 */
@ApplicationScoped
public class FeedLog {

    private final int retention;
    private final long retentionBytes;
    private long retainedBytes;
    private final ArrayDeque<FeedEntry> recent = new ArrayDeque<>();
    /** partition -> the lowest offset still held: a resume point below it is beyond retention. */
    private final Map<String, Long> floor = new HashMap<>();
    /** partition -> the last offset read: where a new subscriber starts. */
    private final Map<String, Long> head = new HashMap<>();
    private final Set<FeedSubscriber> subscribers = ConcurrentHashMap.newKeySet();

    public FeedLog(@ConfigProperty(name = "interlock.feeds.retention-events", defaultValue = "100000") int retention,
            @ConfigProperty(name = "interlock.feeds.retention-memory", defaultValue = "64M") MemorySize retentionMemory) {
        this.retention = retention;
        this.retentionBytes = retentionMemory.asLongValue();
    }

    /** An event read from the agency topics (from {@code AgencyTopicsReader}), in order, with where it was read. */
    public void append(String topic, int partition, long offset, int size, AgencyEvent event) {
        append(new FeedEntry(partition(topic, partition), offset, event, FeedEntry.heapEstimate(size)));
    }

    synchronized void append(FeedEntry entry) {
        recent.addLast(entry);
        retainedBytes += entry.bytes();
        head.merge(entry.partition(), entry.offset(), Math::max);
        floor.putIfAbsent(entry.partition(), entry.offset());
        while (recent.size() > retention || retainedBytes > retentionBytes && recent.size() > 1) {
            FeedEntry gone = recent.removeFirst();
            retainedBytes -= gone.bytes();
            floor.merge(gone.partition(), gone.offset() + 1, Math::max);
        }
        for (FeedSubscriber subscriber : subscribers) {
            subscriber.offer(entry);
        }
    }

    /**
     * Registers a subscriber: from now on if {@code resume} is null, else from that position —
     * handing it, atomically with registering, the retained events it missed. A position older
     * than what is retained is a 410 problem: the client must start afresh, and knows it.
     */
    public synchronized FeedPosition subscribe(FeedSubscriber subscriber, FeedPosition resume) {
        if (resume != null) {
            requireRetained(resume);
            for (FeedEntry entry : recent) {
                if (resume.before(entry.partition(), entry.offset())) {
                    subscriber.offer(entry);
                }
            }
        }
        subscribers.add(subscriber);
        return resume == null ? FeedPosition.of(head) : resume;
    }

    /** Whether every event after {@code resume} is still held in memory. */
    public synchronized boolean retains(FeedPosition resume) {
        for (Map.Entry<String, Long> lowest : floor.entrySet()) {
            if (resume.offsets().getOrDefault(lowest.getKey(), -1L) + 1 < lowest.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Where the window held in memory begins, per partition: a subscriber older than it reads the topics first. */
    public synchronized Map<String, Long> floor() {
        return Map.copyOf(floor);
    }

    /**
     * Registers a subscriber that has read the topics up to {@code position}, if the window still
     * begins at or before it (it may have moved on meanwhile); false when it must read on first.
     */
    public synchronized boolean join(FeedSubscriber subscriber, FeedPosition position) {
        if (!retains(position)) {
            return false;
        }
        subscribe(subscriber, position);
        return true;
    }

    /** A 410 problem unless every event after {@code resume} is still held. */
    public synchronized void requireRetained(FeedPosition resume) {
        // A partition the position does not name was empty for the client: it has seen nothing of it.
        floor.forEach((partition, lowest) -> {
            long passed = resume.offsets().getOrDefault(partition, -1L);
            if (passed + 1 < lowest) {
                throw new ProblemException(ProblemType.GONE, "The resume point is older than the events this"
                        + " feed keeps: subscribe again without a resume point");
            }
        });
    }

    public void unsubscribe(FeedSubscriber subscriber) {
        subscribers.remove(subscriber);
    }

    /** How many live subscribers follow this person by name (their filter lists them). */
    public long following(String person) {
        return subscribers.stream().filter(s -> s.follows(person)).count();
    }

    static String partition(String topic, int partition) {
        return topic.substring("interlock.".length(), topic.length() - ".events".length()) + "." + partition;
    }
}
