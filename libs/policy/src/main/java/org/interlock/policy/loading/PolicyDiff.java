package org.interlock.policy.loading;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.interlock.policy.language.DenyRule;
import org.interlock.policy.language.Policy;
import org.interlock.policy.language.SharingAgreement;

/**
 * What putting a candidate policy in force would change, before it is put in force: the agreements
 * and deny rules added, removed or changed (by id, naming the terms that differ), and which other
 * sections differ. A policy administrator reads it before a reload; it changes nothing itself.
 *
 * @param inForce    the version in force now; null when none is
 * @param candidate  the candidate's version
 * @param agreements the sharing agreements that differ
 * @param denyRules  the deny rules that differ
 * @param sections   the other sections that differ ({@code purposes}, {@code categories},
 *                   {@code staffRoles}, {@code breakGlassRoles}, {@code governance}), in that order
 */
public record PolicyDiff(String inForce, String candidate, Changes agreements, Changes denyRules,
        List<String> sections) {

    public PolicyDiff {
        sections = List.copyOf(sections);
    }

    /** An entry present in both versions whose terms differ, with the names of those terms. */
    public record Change(String id, List<String> terms) {
        public Change {
            terms = List.copyOf(terms);
        }
    }

    /** The ids added and removed, in file order, and the entries changed. */
    public record Changes(List<String> added, List<String> removed, List<Change> changed) {
        public Changes {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            changed = List.copyOf(changed);
        }

        public boolean none() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    /** Whether the candidate says exactly what the policy in force says (the version aside). */
    public boolean none() {
        return agreements.none() && denyRules.none() && sections.isEmpty();
    }

    /** The difference from {@code inForce} (null: nothing in force, so everything is added) to {@code candidate}. */
    public static PolicyDiff between(Policy inForce, Policy candidate) {
        Objects.requireNonNull(candidate, "candidate");
        List<SharingAgreement> agreementsBefore = inForce == null ? List.of() : inForce.agreements();
        List<DenyRule> rulesBefore = inForce == null ? List.of() : inForce.denyRules();
        return new PolicyDiff(inForce == null ? null : inForce.version(), candidate.version(),
                changes(agreementsBefore, candidate.agreements(), SharingAgreement::id),
                changes(rulesBefore, candidate.denyRules(), DenyRule::id),
                inForce == null ? List.of() : sections(inForce, candidate));
    }

    private static <T extends Record> Changes changes(List<T> before, List<T> after, Function<T, String> id) {
        Map<String, T> old = byId(before, id);
        Map<String, T> now = byId(after, id);
        List<String> added = now.keySet().stream().filter(key -> !old.containsKey(key)).toList();
        List<String> removed = old.keySet().stream().filter(key -> !now.containsKey(key)).toList();
        List<Change> changed = new ArrayList<>();
        now.forEach((key, entry) -> {
            T previous = old.get(key);
            if (previous != null && !previous.equals(entry)) {
                changed.add(new Change(key, termsThatDiffer(previous, entry)));
            }
        });
        return new Changes(added, removed, changed);
    }

    private static <T> Map<String, T> byId(List<T> entries, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        entries.forEach(entry -> map.put(id.apply(entry), entry));
        return map;
    }

    /** The record components (the policy file's terms) whose values differ between two versions of an entry. */
    static List<String> termsThatDiffer(Record before, Record after) {
        List<String> terms = new ArrayList<>();
        for (RecordComponent component : before.getClass().getRecordComponents()) {
            if (!Objects.equals(value(component, before), value(component, after))) {
                terms.add(component.getName());
            }
        }
        return terms;
    }

    private static Object value(RecordComponent component, Record entry) {
        try {
            return component.getAccessor().invoke(entry);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    private static List<String> sections(Policy before, Policy after) {
        Map<String, Boolean> differ = new LinkedHashMap<>();
        differ.put("purposes", !before.purposes().equals(after.purposes()));
        differ.put("categories", !before.categories().equals(after.categories()));
        differ.put("staffRoles", !before.staffRoles().equals(after.staffRoles()));
        differ.put("breakGlassRoles", !before.breakGlassRoles().equals(after.breakGlassRoles()));
        differ.put("governance", !before.governance().equals(after.governance()));
        return differ.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }
}
