package org.interlock.policy.views;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.interlock.policy.Conference;
import org.interlock.policy.Conferences;

/**
 * The case conferences: convened (and re-convened with new terms), cancelled. Cancelled is final:
 * a replayed earlier state never opens a conference again. Thread-safe; a question is a hash probe
 * that reads an immutable list.
 */
public final class ConferenceRegister implements Conferences {

    private final Map<String, Conference> byId = new ConcurrentHashMap<>();
    private final Map<String, List<Conference>> byPerson = new ConcurrentHashMap<>();

    /** Its current terms; ignored once it is cancelled. */
    public synchronized void convened(Conference conference) {
        Conference known = byId.get(conference.id());
        if (known != null && known.cancelled()) {
            return;
        }
        if (known != null) {
            unindex(known);
        }
        byId.put(conference.id(), conference);
        conference.persons().forEach(person -> byPerson.merge(person, List.of(conference), ConferenceRegister::joined));
    }

    public synchronized void cancelled(String id) {
        Conference known = byId.get(id);
        if (known != null) {
            unindex(known);
        }
        byId.put(id, known == null ? new Conference(id, List.of(), Instant.EPOCH, null, Set.of(), true)
                : new Conference(id, known.persons(), known.meetsAt(), known.chair(), known.invitees(), true));
    }

    @Override
    public List<Conference> about(String person) {
        return byPerson.getOrDefault(person, List.of());
    }

    private void unindex(Conference conference) {
        for (String person : conference.persons()) {
            byPerson.computeIfPresent(person, (p, list) -> {
                List<Conference> rest = list.stream().filter(c -> !c.id().equals(conference.id())).toList();
                return rest.isEmpty() ? null : rest;
            });
        }
    }

    private static List<Conference> joined(List<Conference> a, List<Conference> b) {
        List<Conference> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
