package org.interlock.policy.views;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.interlock.policy.PersonLinks;

/**
 * The merges in force, as the person index publishes them: each merged reference points at its
 * survivor, which may itself have been merged into another later. Nothing the agencies recorded is
 * re-keyed: the views keep every record under the reference it was made for, and the decision
 * point reads all the references of one person together ({@code LinkedPolicyEngine}). An unmerge
 * removes the pointer, so both people are again exactly as they were.
 */
public final class PersonLinkRegister implements PersonLinks {

    /** A chain of merges deeper than this is refused as a loop rather than followed. */
    private static final int MAX_DEPTH = 64;

    /** merged reference -> its survivor. */
    private final Map<String, String> survivorOf = new ConcurrentHashMap<>();
    /** survivor -> the references merged into it directly. */
    private final Map<String, Set<String>> mergedInto = new ConcurrentHashMap<>();
    /** Answers for linked persons, dropped on every change; unlinked persons never enter it. */
    private final Map<String, List<String>> answers = new ConcurrentHashMap<>();

    /**
     * The references are merged into the survivor. A merge that would make a loop (the survivor
     * was itself merged into one of them) is ignored: the index never publishes one.
     */
    public synchronized void merged(String survivor, Collection<String> merged) {
        for (String reference : merged) {
            if (reference.equals(survivor) || root(survivor).equals(root(reference))) {
                continue;
            }
            unlink(reference);
            survivorOf.put(reference, survivor);
            mergedInto.computeIfAbsent(survivor, s -> ConcurrentHashMap.newKeySet()).add(reference);
        }
        answers.clear();
    }

    /** The references are separated from the survivor again (those not merged into it are left alone). */
    public synchronized void unmerged(String survivor, Collection<String> merged) {
        for (String reference : merged) {
            if (survivor.equals(survivorOf.get(reference))) {
                unlink(reference);
            }
        }
        answers.clear();
    }

    @Override
    public List<String> identities(String person) {
        if (!survivorOf.containsKey(person) && !mergedInto.containsKey(person)) {
            return List.of(person);
        }
        return answers.computeIfAbsent(person, this::collect);
    }

    private synchronized List<String> collect(String person) {
        Set<String> all = new LinkedHashSet<>();
        all.add(person);
        Deque<String> open = new ArrayDeque<>(List.of(root(person)));
        while (!open.isEmpty()) {
            String next = open.pop();
            all.add(next);
            open.addAll(mergedInto.getOrDefault(next, Set.of()));
        }
        return List.copyOf(new ArrayList<>(all));
    }

    private String root(String person) {
        String current = person;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            String next = survivorOf.get(current);
            if (next == null) {
                return current;
            }
            current = next;
        }
        throw new IllegalStateException("a chain of merges loops or is deeper than " + MAX_DEPTH);
    }

    private void unlink(String reference) {
        String previous = survivorOf.remove(reference);
        if (previous != null) {
            mergedInto.computeIfPresent(previous, (s, set) -> {
                set.remove(reference);
                return set.isEmpty() ? null : set;
            });
        }
    }
}
