package org.interlock.policy.verification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.interlock.contracts.Agency;
import org.interlock.policy.Caseload;
import org.interlock.policy.Conference;
import org.interlock.policy.Conferences;
import org.interlock.policy.ConsentGrant;
import org.interlock.policy.ConsentView;
import org.interlock.policy.Organisations;
import org.interlock.policy.Principal;
import org.interlock.policy.Referral;
import org.interlock.policy.Referrals;
import org.interlock.policy.Restrictions;
import org.interlock.policy.StaffDirectory;
import org.interlock.policy.StaffMember;
import org.interlock.policy.Views;
import org.interlock.policy.language.CategoryPattern;

/**
 * The world a policy test case is asked in, as the case states it: whether the person is in the
 * subject's caseload and whether the subject is their statutory lead, whether consent is in force,
 * the accepted referral of the person to the subject's organisation (if any, and what it covers),
 * to whom the person's records are restricted, whether partner organisations are suspended, and
 * the staff (the personas), and a case conference about the person. Every partner organisation is registered and active unless the case
 * says they are suspended.
 *
 * @param referral         the categories and purposes of an accepted referral in force, or null for none
 * @param restrictedTo     the staff the origin restricted the person to, or null when unrestricted
 * @param conference       a case conference about the person, or null for none
 */
public record World(boolean inCaseload, boolean lead, boolean consent, Coverage referral, List<String> restrictedTo,
        boolean suspended, Meeting conference) {

    /** A case conference about the person in a case: when it meets and whom it invites. */
    public record Meeting(Instant meetsAt, List<String> invited) {
    }

    /** What a referral in a case covers. */
    public record Coverage(List<String> categories, List<String> purposes, String id) {
    }

    /** The views of this world, for a request by {@code subject} about {@code person}. */
    Views views(Principal subject, String person, Map<String, Principal> personas) {
        String username = subject == null ? null : subject.username();
        String org = subject == null ? null : subject.org();
        Caseload caseload = new Caseload() {
            @Override
            public boolean includes(String who, String about) {
                return inCaseload && who.equals(username) && about.equals(person);
            }

            @Override
            public Set<String> statutoryLeads(String about) {
                return lead && username != null && about.equals(person) ? Set.of(username) : Set.of();
            }
        };
        ConsentView consents = (who, organisation, category, purpose, at) -> consent && who.equals(person)
                ? Optional.of(new ConsentGrant("consent-under-test", who, organisation, at))
                : Optional.empty();
        return new Views(caseload, consents, referrals(person, org), restrictions(person),
                organisations(), staff(personas), conferences(person));
    }

    private Conferences conferences(String person) {
        if (conference == null) {
            return Conferences.NONE;
        }
        Conference meeting = new Conference("conference-under-test", List.of(person), conference.meetsAt(),
                "chair-under-test", Set.copyOf(conference.invited()), false);
        return about -> about.equals(person) ? List.of(meeting) : List.of();
    }

    private Referrals referrals(String person, String org) {
        Referral accepted = referral == null || org == null ? null
                : new Referral(referral.id(), person, org, referral.categories().stream().map(CategoryPattern::new)
                        .toList(), referral.purposes(), LocalDate.of(2100, 1, 1), "lead-under-test", true, false);
        return new Referrals() {
            @Override
            public List<Referral> inForce(String who, String organisation, Instant at) {
                return accepted != null && who.equals(accepted.person()) && organisation.equals(accepted.organisation())
                        ? List.of(accepted) : List.of();
            }

            @Override
            public Optional<Referral> find(String id) {
                return accepted != null && accepted.id().equals(id) ? Optional.of(accepted) : Optional.empty();
            }
        };
    }

    private Restrictions restrictions(String person) {
        return (Agency agency, String about) -> restrictedTo != null && about.equals(person)
                ? Optional.of(Set.copyOf(restrictedTo)) : Optional.empty();
    }

    private Organisations organisations() {
        return new Organisations() {
            @Override
            public boolean isActive(String organisation) {
                return !suspended;
            }

            @Override
            public boolean isSuspended(String organisation) {
                return suspended;
            }
        };
    }

    private static StaffDirectory staff(Map<String, Principal> personas) {
        return username -> Optional.ofNullable(personas.get(username))
                .map(p -> new StaffMember(p.username(), p.agency(), p.org(), p.roles()));
    }
}
