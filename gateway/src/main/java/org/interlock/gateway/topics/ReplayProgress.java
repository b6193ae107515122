package org.interlock.gateway.topics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far a view built from a topic has read, per partition, so the exchange can wait, at start,
 * until a view has replayed everything written before it started. Until then the view may hold a
 * consent's grant without its withdrawal, or an organisation's registration without its
 * suspension: deciding on it could disclose what is no longer allowed.
 */
public final class ReplayProgress {

    private final Map<Integer, Long> nextOffsets = new ConcurrentHashMap<>();

    /** The view has applied the record at {@code offset} of {@code partition}. */
    public void applied(int partition, long offset) {
        nextOffsets.merge(partition, offset + 1, Math::max);
    }

    /** Whether every partition has been read up to (excluding) the given end offsets. */
    public boolean reached(Map<Integer, Long> endOffsets) {
        return endOffsets.entrySet().stream()
                .allMatch(end -> end.getValue() == 0 || nextOffsets.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }
}
