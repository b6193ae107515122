package org.interlock.gateway.feeds;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;

/** What a test subscriber received, whatever the transport: events in order, and whether the stream ended. */
public abstract class Received implements AutoCloseable {

    /** One event as received: its id (the position after it), its name, its data. */
    public record Event(String id, String name, JsonNode data) {

        /** The names of the fields released: the keys of an agency event's {@code data}. */
        public Set<String> released() {
            Set<String> names = new TreeSet<>();
            data.path("data").fieldNames().forEachRemaining(names::add);
            return names;
        }
    }

    final List<Event> events = new CopyOnWriteArrayList<>();
    volatile boolean ended;

    public List<Event> named(String name) {
        return events.stream().filter(e -> name.equals(e.name())).toList();
    }

    /** The source event ids of the agency events received, in order. */
    public List<String> sources() {
        return named("interlock-event").stream().map(e -> e.data().path("id").asText()).toList();
    }

    /** The agency event received with this source id. */
    Event source(String id) {
        return named("interlock-event").stream().filter(e -> id.equals(e.data().path("id").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("event " + id + " was not received"));
    }

    /** Stops receiving; never throws. */
    @Override
    public abstract void close();
}
