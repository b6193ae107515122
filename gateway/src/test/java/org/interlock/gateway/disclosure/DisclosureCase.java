package org.interlock.gateway.disclosure;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of the table: a reader, a record (read over REST, published as an event), what holds
 * beforehand, and what each channel should show. The sentinel is the event that follows the
 * record's for the same person, whose arrival proves the record's event has been decided.
 */
record DisclosureCase(String name, Reader reader, AgencyRecord record, List<Given> givens, Expectation expected,
        AgencyRecord sentinel) {

    DisclosureCase(String name, Reader reader, AgencyRecord record, List<Given> givens, Expectation expected) {
        this(name, reader, record, List.copyOf(givens), expected, AgencyRecords.sentinelAfter(record));
    }

    DisclosureCase(String name, Reader reader, AgencyRecord record, Expectation expected) {
        this(name, reader, record, List.of(), expected);
    }

    /** The same case with more that holds beforehand. */
    DisclosureCase alsoGiven(List<? extends Given> more) {
        List<Given> all = new ArrayList<>(givens);
        all.addAll(more);
        return new DisclosureCase(name, reader, record, List.copyOf(all), expected, sentinel);
    }

    /** What {@code channel} should show. */
    Observed expectedOn(Channel channel) {
        return expected.on(channel).of(record, channel);
    }

    /** The case's name as a test shows it, with the reason when this channel differs by design. */
    String nameOn(Channel channel) {
        String why = expected.differences().get(channel);
        return channel + (why == null ? "" : " (differs by design: " + why + ")");
    }
}
