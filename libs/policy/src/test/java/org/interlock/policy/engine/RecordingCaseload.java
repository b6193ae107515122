package org.interlock.policy.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.interlock.policy.Caseload;

/** A caseload of {@code username|person} pairs that remembers what it was asked. */
final class RecordingCaseload implements Caseload {

    private final Set<String> allocations;
    private final List<String> asked = new ArrayList<>();

    RecordingCaseload(Set<String> allocations) {
        this.allocations = allocations;
    }

    @Override
    public boolean includes(String username, String person) {
        asked.add(username + "|" + person);
        return allocations.contains(username + "|" + person);
    }

    List<String> asked() {
        return asked;
    }
}
