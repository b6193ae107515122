package org.interlock.gateway.feeds;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.interlock.platform.problem.ProblemException;
import org.interlock.platform.problem.ProblemType;

/**
 * Where a subscriber is in the agency topics: for each partition, the offset of the last event
 * it was sent (or passed over). Every event on a feed carries the position after it as its SSE
 * {@code id}; a client that reconnects with it as {@code Last-Event-ID} continues from there, on
 * any replica, without loss or repetition: events are matched by their partition and offset,
 * not by the order in which one replica happened to read them.
 *
 * <p>Encoded as base64url of {@code prisons.0.123~probation.2.45~...}.
 */
public final class FeedPosition {

    private static final Pattern ENTRY = Pattern.compile("(prisons|probation|intelligence|partners)\\.(\\d{1,4})\\.(-?\\d{1,19})");
    private static final int MAX_LENGTH = 4096;

    /** "agency.partition" -> last offset passed. */
    private final Map<String, Long> offsets;

    private FeedPosition(Map<String, Long> offsets) {
        this.offsets = offsets;
    }

    public static FeedPosition of(Map<String, Long> offsets) {
        return new FeedPosition(new TreeMap<>(offsets));
    }

    /** The position a client sent back, or a 400 problem: anything else is not one of ours. */
    public static FeedPosition decode(String token) {
        try {
            if (token.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            Map<String, Long> offsets = new TreeMap<>();
            for (String entry : text.split("~")) {
                var m = ENTRY.matcher(entry);
                if (!m.matches()) {
                    throw new IllegalArgumentException("bad entry");
                }
                offsets.put(m.group(1) + "." + Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)));
            }
            return new FeedPosition(offsets);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST,
                    "Last-Event-ID (or resume) is not a position this feed gave out");
        }
    }

    public String encode() {
        StringBuilder text = new StringBuilder();
        offsets.forEach((partition, offset) -> text.append(text.isEmpty() ? "" : "~").append(partition).append('.')
                .append(offset));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether an event at this partition and offset comes after the position. */
    public boolean before(String partition, long offset) {
        Long passed = offsets.get(partition);
        return passed == null || offset > passed;
    }

    /** The position once the event at this partition and offset is passed. */
    public FeedPosition after(String partition, long offset) {
        Map<String, Long> next = new TreeMap<>(offsets);
        next.merge(partition, offset, Math::max);
        return new FeedPosition(next);
    }

    Map<String, Long> offsets() {
        return offsets;
    }
}
