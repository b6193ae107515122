package org.interlock.policy.views;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

import org.interlock.contracts.Agency;
import org.interlock.policy.Caseload;

/**
 * The allocations in force: who is allocated to whom, in which agency and as what. The caseload
 * and the statutory lead are read from it; thread-safe, each question a few hash probes. An
 * allocation counts only while its member of staff is staff of the agency that recorded it
 * ({@code counts}, asked when a decision is taken, so that an allocation read before the staff
 * directory was, or of someone who has since left, is judged by who they are now).
 */
public final class AllocationRegister implements Caseload {

    /** The allocation role that makes a probation practitioner the person's statutory lead. */
    public static final String PROBATION_PRACTITIONER = "PROBATION_PRACTITIONER";
    /** The allocation role that makes a prison offender manager the lead while no practitioner is allocated. */
    public static final String OFFENDER_MANAGER = "OFFENDER_MANAGER";

    private record Allocation(Agency agency, String staff, String person, String role) {
    }

    private final BiPredicate<String, Agency> counts;
    private final Map<String, Allocation> inForce = new ConcurrentHashMap<>();
    /** staff -> person -> allocations in force. */
    private final Map<String, Map<String, Map<Agency, Integer>>> byStaff = new ConcurrentHashMap<>();
    /** person -> allocations in force, for the statutory lead. */
    private final Map<String, Map<String, Allocation>> byPerson = new ConcurrentHashMap<>();

    /** @param counts whether a member of staff is staff of an agency (the gateway asks its staff directory) */
    public AllocationRegister(BiPredicate<String, Agency> counts) {
        this.counts = counts;
    }

    /** An allocation starts (again: a repeated start changes nothing). */
    public synchronized void start(String id, Agency agency, String staff, String person, String role) {
        Allocation allocation = new Allocation(agency, staff, person, role);
        if (inForce.putIfAbsent(id, allocation) != null) {
            return;
        }
        byStaff.computeIfAbsent(staff, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(person, p -> new ConcurrentHashMap<>()).merge(agency, 1, Integer::sum);
        byPerson.computeIfAbsent(person, p -> new ConcurrentHashMap<>()).put(id, allocation);
    }

    /** An allocation ends (an unknown one changes nothing). */
    public synchronized void end(String id) {
        Allocation ended = inForce.remove(id);
        if (ended == null) {
            return;
        }
        byStaff.computeIfPresent(ended.staff(), (staff, persons) -> {
            persons.computeIfPresent(ended.person(), (p, agencies) -> {
                agencies.computeIfPresent(ended.agency(), (a, n) -> n > 1 ? n - 1 : null);
                return agencies.isEmpty() ? null : agencies;
            });
            return persons.isEmpty() ? null : persons;
        });
        byPerson.computeIfPresent(ended.person(), (person, allocations) -> {
            allocations.remove(id);
            return allocations.isEmpty() ? null : allocations;
        });
    }

    @Override
    public boolean includes(String username, String person) {
        Map<String, Map<Agency, Integer>> persons = byStaff.get(username);
        Map<Agency, Integer> agencies = persons == null ? null : persons.get(person);
        if (agencies == null) {
            return false;
        }
        for (Agency agency : agencies.keySet()) {
            if (counts.test(username, agency)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Set<String> statutoryLeads(String person) {
        Map<String, Allocation> allocations = byPerson.getOrDefault(person, Map.of());
        Set<String> practitioners = leads(allocations, Agency.PROBATION, PROBATION_PRACTITIONER);
        return practitioners.isEmpty() ? leads(allocations, Agency.PRISONS, OFFENDER_MANAGER) : practitioners;
    }

    private Set<String> leads(Map<String, Allocation> allocations, Agency agency, String role) {
        return allocations.values().stream()
                .filter(a -> a.agency() == agency && role.equals(a.role()) && counts.test(a.staff(), agency))
                .map(Allocation::staff)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
