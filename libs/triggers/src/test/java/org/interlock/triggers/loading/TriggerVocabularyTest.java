package org.interlock.triggers.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.interlock.policy.loading.PolicyException;
import org.interlock.triggers.RealVocabulary;

/** The vocabulary read from the services' real catalogues and event schemas. */
class TriggerVocabularyTest {

    private static final TriggerVocabulary REAL = RealVocabulary.VOCABULARY;

    @Test
    void fieldsComeFromTheCatalogueOfTheCategory() {
        assertEquals(Set.of("id", "person", "organisation", "kind", "occurredOn", "reportedBy", "notes"),
                REAL.fields("partner.concern"));
    }

    @Test
    void valuesComeFromTheSchemasOfTheCategorysEventTypes() {
        assertEquals(List.of("ATTENDED", "MISSED_ACCEPTABLE", "MISSED_UNACCEPTABLE"),
                List.copyOf(REAL.values("supervision.appointment", "outcome")));
        assertEquals(Set.of("ACCEPTED", "DECLINED"), REAL.values("partner.referral", "status"));
    }

    @Test
    void aFieldSomeSchemaLeavesOpenTakesAnyValue() {
        assertEquals(Set.of(), REAL.values("intel.threat", "raisedOn"));
    }

    @Test
    void categoriesSharedByTheServicesAreKnownOnce() {
        assertEquals(true, REAL.knowsCategory("referral") && REAL.knowsCategory("allocation"));
    }

    @Test
    void aValueNoAppointmentEverHasDoesNotLoad() {
        String file = String.join("\n", "version: t-1", "rules:", "  - id: missed", "    description: missed",
                "    when: [{category: supervision.appointment, field: outcome,", "            equals: MISSED}]");

        PolicyException e = assertThrows(PolicyException.class,
                () -> new TriggerLoader(REAL).load("triggers.yaml", new StringReader(file)));

        assertEquals("triggers.yaml:6: value 'MISSED' is not one field 'outcome' of supervision.appointment can take"
                + " (ATTENDED, MISSED_ACCEPTABLE, MISSED_UNACCEPTABLE)", e.getMessage());
    }
}
