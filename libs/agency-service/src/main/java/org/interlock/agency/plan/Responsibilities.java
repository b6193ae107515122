package org.interlock.agency.plan;

import java.time.LocalDate;
import java.util.List;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.interlock.platform.problem.Validation;

/**
 * Looks up, in this agency's own records, whom a revision names as responsible (RevisionRules'
 * lookups), inside the revision's transaction: a member of staff of this agency must be allocated
 * to the person here; an organisation must have accepted a referral of the person by this agency
 * that is in force, and a member of its staff must be the caseworker it allocated in accepting
 * (as its answer reached this agency's inbox). Anyone else is unknown here: 422 naming the field.
 */
final class Responsibilities {

    private static final String ACCEPTED = "org.interlock.partners.referral.accepted.v1";

    private Responsibilities() {
    }

    static Uni<Void> confirm(String person, List<RevisionRules.Lookup> lookups, LocalDate today) {
        return Multi.createFrom().iterable(lookups)
                .onItem().transformToUniAndConcatenate(lookup -> confirm(person, lookup, today))
                .collect().last()
                .replaceWithVoid();
    }

    private static Uni<Void> confirm(String person, RevisionRules.Lookup lookup, LocalDate today) {
        return switch (lookup) {
            case RevisionRules.AllocatedStaff staff -> PlanRecords.count("""
                    SELECT count(*) FROM allocation WHERE person = ?1 AND staff = ?2 AND ends_on IS NULL""",
                    person, staff.staff())
                    .invoke(n -> require(n, staff.field(), "is not allocated to the person in this agency"))
                    .replaceWithVoid();
            case RevisionRules.ReferredOrganisation organisation when organisation.staff() == null -> PlanRecords.count("""
                    SELECT count(*) FROM referral WHERE person = ?1 AND organisation = ?2 AND status = 'ACCEPTED'
                    AND ends_on >= ?3""", person, organisation.organisation(), today)
                    .invoke(n -> require(n, organisation.field(),
                            "has accepted no referral of the person by this agency that is in force"))
                    .replaceWithVoid();
            case RevisionRules.ReferredOrganisation organisation -> PlanRecords.count("""
                    SELECT count(*) FROM referral r WHERE r.person = ?1 AND r.organisation = ?2 AND r.status = 'ACCEPTED'
                    AND r.ends_on >= ?3 AND EXISTS (SELECT 1 FROM inbox_event e WHERE e.type = ?4 AND e.subject = r.person
                    AND e.payload::jsonb ->> 'id' = r.id::text AND e.payload::jsonb ->> 'caseworker' = ?5)""",
                    person, organisation.organisation(), today, ACCEPTED, organisation.staff())
                    .invoke(n -> require(n, organisation.field().replace(".organisation", ".staff"),
                            "is not the caseworker the organisation allocated in accepting a referral by this agency"))
                    .replaceWithVoid();
        };
    }


    private static void require(long count, String field, String message) {
        if (count == 0) {
            throw Validation.invalid(field, message);
        }
    }
}
