package org.interlock.policy.views;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.interlock.policy.PersonLinks;

/**
 * Who resolves to whom, as the person index publishes it on its compacted links topic (ADR 0014):
 * each reference that is not a person of its own points at the reference it resolves to. Nothing
 * the agencies recorded is re-keyed: the views keep every record under the reference it was made
 * for, and the decision point reads all the references of one person together
 * ({@code LinkedPolicyEngine}); an unmerge moves the pointers back, so both people are again exactly
 * as they were.
 *
 * <p>One person is every reference connected by pointers, in either direction. The index publishes
 * each reference's pointer on its own key, so while the records of one merge or unmerge arrive, a
 * person may for a moment be the union of before and after: restrictions then hold for all of
 * them, the side a merge must err on.
 */
public final class PersonLinkRegister implements PersonLinks {

    /** reference -> the reference it resolves to. */
    private final Map<String, String> target = new ConcurrentHashMap<>();
    /** reference -> the references that resolve to it. */
    private final Map<String, Set<String>> pointedBy = new ConcurrentHashMap<>();
    /** Answers for linked persons, dropped on every change; unlinked persons never enter it. */
    private final Map<String, List<String>> answers = new ConcurrentHashMap<>();

    /** The reference resolves to {@code to} from now on; to itself: it is a person of its own again. */
    public synchronized void resolves(String reference, String to) {
        String previous = target.remove(reference);
        if (previous != null) {
            pointedBy.computeIfPresent(previous, (p, set) -> {
                set.remove(reference);
                return set.isEmpty() ? null : set;
            });
        }
        if (!reference.equals(to)) {
            target.put(reference, to);
            pointedBy.computeIfAbsent(to, p -> ConcurrentHashMap.newKeySet()).add(reference);
        }
        answers.clear();
    }

    /** A merge: each reference resolves to the survivor. */
    public void merged(String survivor, Collection<String> merged) {
        merged.forEach(reference -> resolves(reference, survivor));
    }

    /** An unmerge: each reference that resolved to the survivor is a person of its own again. */
    public synchronized void unmerged(String survivor, Collection<String> merged) {
        merged.stream().filter(reference -> survivor.equals(target.get(reference)))
                .forEach(reference -> resolves(reference, reference));
    }

    @Override
    public List<String> identities(String person) {
        if (!target.containsKey(person) && !pointedBy.containsKey(person)) {
            return List.of(person);
        }
        return answers.computeIfAbsent(person, this::connected);
    }

    private synchronized List<String> connected(String person) {
        Set<String> all = new LinkedHashSet<>();
        Deque<String> open = new ArrayDeque<>(List.of(person));
        while (!open.isEmpty()) {
            String next = open.pop();
            if (all.add(next)) {
                String to = target.get(next);
                if (to != null) {
                    open.add(to);
                }
                open.addAll(pointedBy.getOrDefault(next, Set.of()));
            }
        }
        return List.copyOf(all);
    }
}
