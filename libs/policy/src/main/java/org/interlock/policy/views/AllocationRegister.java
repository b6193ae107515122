package org.interlock.policy.views;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.interlock.contracts.Agency;
import org.interlock.policy.Caseload;

/**
 * The allocations in force: who is allocated to whom, in which agency and as what. The caseload
 * and the statutory lead are read from it; thread-safe, each question one or two hash probes.
 * Whoever feeds it decides which allocations count (the gateway: only its own agency's staff).
 */
public final class AllocationRegister implements Caseload {

    /** The allocation role that makes a probation practitioner the person's statutory lead. */
    public static final String PROBATION_PRACTITIONER = "PROBATION_PRACTITIONER";
    /** The allocation role that makes a prison offender manager the lead while no practitioner is allocated. */
    public static final String OFFENDER_MANAGER = "OFFENDER_MANAGER";

    private record Allocation(Agency agency, String staff, String person, String role) {
    }

    private final Map<String, Allocation> inForce = new ConcurrentHashMap<>();
    /** staff -> person -> allocations in force. */
    private final Map<String, Map<String, Integer>> byStaff = new ConcurrentHashMap<>();
    /** person -> allocations in force, for the statutory lead. */
    private final Map<String, Map<String, Allocation>> byPerson = new ConcurrentHashMap<>();

    /** An allocation starts (again: a repeated start changes nothing). */
    public synchronized void start(String id, Agency agency, String staff, String person, String role) {
        Allocation allocation = new Allocation(agency, staff, person, role);
        if (inForce.putIfAbsent(id, allocation) != null) {
            return;
        }
        byStaff.computeIfAbsent(staff, s -> new ConcurrentHashMap<>()).merge(person, 1, Integer::sum);
        byPerson.computeIfAbsent(person, p -> new ConcurrentHashMap<>()).put(id, allocation);
    }

    /** An allocation ends (an unknown one changes nothing). */
    public synchronized void end(String id) {
        Allocation ended = inForce.remove(id);
        if (ended == null) {
            return;
        }
        byStaff.computeIfPresent(ended.staff(), (staff, persons) -> {
            persons.computeIfPresent(ended.person(), (p, n) -> n > 1 ? n - 1 : null);
            return persons.isEmpty() ? null : persons;
        });
        byPerson.computeIfPresent(ended.person(), (person, allocations) -> {
            allocations.remove(id);
            return allocations.isEmpty() ? null : allocations;
        });
    }

    @Override
    public boolean includes(String username, String person) {
        Map<String, Integer> persons = byStaff.get(username);
        return persons != null && persons.containsKey(person);
    }

    @Override
    public Set<String> statutoryLeads(String person) {
        Map<String, Allocation> allocations = byPerson.getOrDefault(person, Map.of());
        Set<String> practitioners = leads(allocations, Agency.PROBATION, PROBATION_PRACTITIONER);
        return practitioners.isEmpty() ? leads(allocations, Agency.PRISONS, OFFENDER_MANAGER) : practitioners;
    }

    private static Set<String> leads(Map<String, Allocation> allocations, Agency agency, String role) {
        return allocations.values().stream()
                .filter(a -> a.agency() == agency && role.equals(a.role()))
                .map(Allocation::staff)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
