package org.interlock.prisons.assessment;

import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import org.interlock.agency.assessment.AssessedPersons;
import org.interlock.prisons.custody.CustodyService;

/** Prisons assesses the persons in its custody: those with an open custody episode. */
@ApplicationScoped
public class InCustody implements AssessedPersons {

    @Override
    public Uni<Boolean> holds(String person) {
        return CustodyService.openEpisodeOf(person).map(Objects::nonNull);
    }
}
