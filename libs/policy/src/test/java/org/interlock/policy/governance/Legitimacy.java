package org.interlock.policy.governance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.interlock.contracts.Agency;
import org.interlock.policy.Principal;
import org.interlock.policy.Resource;
import org.interlock.policy.governance.TrustModelPropertiesTest.Act.Kind;
import org.interlock.policy.governance.TrustWorld.Happened;

/**
 * The oracle: which reads the acts that happened can justify, judged by who made each act and
 * what they were at the time — written from the invariant of ADR 0011, not from the engine's rules.
 * An allocation counts if a manager of the agency made it, naming staff of the agency (of the
 * manager's organisation, for partners); a referral counts if the person's statutory lead made it
 * (an allocated probation practitioner, or while none is, an allocated prison offender manager)
 * and the organisation's manager accepted it; a consent counts inside such a referral.
 */
final class Legitimacy {

    private record Allocation(Agency agency, String staff, String person, String org) {
    }

    private record Referral(String person, String org, List<String> categories, List<String> purposes) {
    }

    private final Map<String, Allocation> allocations = new LinkedHashMap<>();
    private final Map<String, Referral> referrals = new LinkedHashMap<>();
    private final Set<String> accepted = new HashSet<>();
    private final Set<String> ended = new HashSet<>();
    private final List<Happened> consents = new ArrayList<>();
    private final Map<String, Happened> restrictions = new LinkedHashMap<>();

    Legitimacy(List<Happened> history) {
        for (Happened act : history) {
            switch (act.kind()) {
                case ALLOCATE -> allocated(act);
                case END_ALLOCATION -> allocations.remove(act.target());
                case REFER -> referred(act);
                case WITHDRAW_REFERRAL, DECLINE -> ended.add(act.target());
                case ACCEPT -> acceptedBy(act);
                case CONSENT -> consented(act);
                case RESTRICT -> restricted(act);
                case LIFT -> lifted(act);
            }
        }
    }

    /** Whether the acts justify this (cross-agency) read. */
    boolean justifies(Principal reader, Resource resource, String purpose) {
        String person = resource.person();
        if (reader.org() == null) {
            return allocated(reader.username(), Agency.fromId(reader.agency()), null, person);
        }
        return allocated(reader.username(), Agency.PARTNERS, reader.org(), person)
                && referralCovers(person, reader.org(), resource.category(), purpose)
                && (!consentBased(reader.org()) || consentCovers(person, reader.org(), resource.category(), purpose));
    }

    /** The staff a manager restricted the agency's records about the person to; null when unrestricted. */
    Set<String> restrictedTo(Agency agency, String person) {
        Set<String> named = null;
        for (Happened restriction : restrictions.values()) {
            if (restriction.agency() == agency && restriction.person().equals(person)) {
                if (named == null) {
                    named = new HashSet<>(restriction.categories());
                } else {
                    named.retainAll(restriction.categories());
                }
            }
        }
        return named;
    }

    private void allocated(Happened act) {
        Principal by = act.actor();
        boolean manager = by.roles().contains(act.agency() == Agency.PARTNERS ? "partner-manager" : "team-manager");
        if (manager && by.agency().equals(act.agency().id()) && staffOf(act.named(), act.agency(), by.org())
                && (by.org() == null || acceptedReferral(act.person(), by.org()))) {
            allocations.put(act.id(), new Allocation(act.agency(), act.named(), act.person(), by.org()));
        }
    }

    private void referred(Happened act) {
        if (lead(act.person()).contains(act.actor().username())) {
            referrals.put(act.id(), new Referral(act.person(), act.organisation(), act.categories(), act.purposes()));
        }
    }

    private void acceptedBy(Happened act) {
        Principal by = act.actor();
        Referral referral = referrals.get(act.target());
        if (referral != null && !ended.contains(act.target()) && by.roles().contains("partner-manager")
                && referral.org().equals(by.org()) && staffOf(act.named(), Agency.PARTNERS, by.org())) {
            accepted.add(act.target());
            allocations.put(act.id(), new Allocation(Agency.PARTNERS, act.named(), act.person(), by.org()));
        }
    }

    private void consented(Happened act) {
        Principal by = act.actor();
        if (by.org() != null && referrals.entrySet().stream().anyMatch(r -> inForce(r.getKey())
                && r.getValue().person().equals(act.person()) && r.getValue().org().equals(by.org())
                && act.categories().stream().allMatch(c -> r.getValue().categories().stream()
                        .anyMatch(mine -> mine.equals(c) || mine.endsWith(".*") && c.startsWith(mine.substring(0, mine.length() - 1))))
                && r.getValue().purposes().containsAll(act.purposes()))) {
            consents.add(act);
        }
    }

    private void restricted(Happened act) {
        Principal by = act.actor();
        if (by.roles().contains("team-manager") && by.agency().equals(act.agency().id())
                && act.categories().stream().allMatch(s -> staffOf(s, act.agency(), by.org()))) {
            restrictions.put(act.id(), act);
        }
    }

    private void lifted(Happened act) {
        Principal by = act.actor();
        Happened restriction = restrictions.get(act.target());
        if (restriction != null && by.roles().contains("team-manager") && by.agency().equals(restriction.agency().id())) {
            restrictions.remove(act.target());
        }
    }

    /** The person's statutory lead now: probation practitioners allocated, else prison offender managers. */
    private Set<String> lead(String person) {
        Set<String> practitioners = new HashSet<>();
        Set<String> offenderManagers = new HashSet<>();
        for (Allocation allocation : allocations.values()) {
            if (allocation.person().equals(person) && allocation.agency() == Agency.PROBATION) {
                practitioners.add(allocation.staff());
            } else if (allocation.person().equals(person) && allocation.agency() == Agency.PRISONS) {
                offenderManagers.add(allocation.staff());
            }
        }
        return practitioners.isEmpty() ? offenderManagers : practitioners;
    }

    private boolean allocated(String staff, Agency agency, String org, String person) {
        return allocations.values().stream().anyMatch(a -> a.staff().equals(staff) && a.agency() == agency
                && a.person().equals(person) && (org == null || org.equals(a.org())));
    }

    private boolean acceptedReferral(String person, String org) {
        return referrals.entrySet().stream().anyMatch(r -> inForce(r.getKey()) && r.getValue().person().equals(person)
                && r.getValue().org().equals(org));
    }

    private boolean referralCovers(String person, String org, String category, String purpose) {
        return referrals.entrySet().stream().anyMatch(r -> inForce(r.getKey()) && r.getValue().person().equals(person)
                && r.getValue().org().equals(org) && r.getValue().purposes().contains(purpose)
                && r.getValue().categories().stream().anyMatch(c -> c.equals(category)
                        || c.endsWith(".*") && category.startsWith(c.substring(0, c.length() - 1))));
    }

    private boolean consentCovers(String person, String org, String category, String purpose) {
        return consents.stream().anyMatch(c -> c.person().equals(person) && c.organisation().equals(org)
                && c.purposes().contains(purpose) && c.categories().stream().anyMatch(p -> p.equals(category)
                        || p.endsWith(".*") && category.startsWith(p.substring(0, p.length() - 1))));
    }

    private boolean inForce(String referral) {
        return accepted.contains(referral) && !ended.contains(referral);
    }

    /** In the test policy, horizon receives on consent; faith under statute. */
    private static boolean consentBased(String org) {
        return "horizon".equals(org);
    }

    private static boolean staffOf(String username, Agency agency, String org) {
        return TrustWorld.STAFF.stream().anyMatch(p -> p.username().equals(username)
                && p.agency().equals(agency.id()) && (org == null || org.equals(p.org())));
    }
}
