package org.interlock.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.interlock.contracts.PersonReference;
import org.junit.jupiter.api.Test;

/**
 * The fixtures write what the services would: the data of each governance event matches the
 * schema its service publishes (read from the service's sources, as the gateway's build does).
 */
class AgencyTopicsSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final String SHARED = "libs/agency-service/src/main/resources/META-INF/interlock/schemas/";
    private static final String PARTNERS = "services/partners/src/main/resources/META-INF/interlock/schemas/";

    private final String person = PersonReference.random();

    @Test
    void aReferralMadeByProbationOrPrisonsMatchesItsSchema() {
        AgencyTopics.Referral byProbation = AgencyTopics.Referral.byProbation(person, "horizon-mentoring",
                List.of("custody.release", "licence.*"), List.of("resettlement"));
        AgencyTopics.Referral byPrisons = AgencyTopics.Referral.byPrisons(person, "faith-bridge", List.of("*"),
                List.of("resettlement", "safeguarding"));

        assertMatches(SHARED + "org.interlock.probation.referral.made.v1.json", AgencyTopics.referralMadeData(byProbation));
        assertMatches(SHARED + "org.interlock.prisons.referral.made.v1.json", AgencyTopics.referralMadeData(byPrisons));
    }

    @Test
    void anAcceptanceByThePartnerManagerMatchesItsSchema() {
        AgencyTopics.Referral referral = AgencyTopics.Referral.byProbation(person, "horizon-mentoring",
                List.of("custody.release"), List.of("resettlement"));

        assertMatches(PARTNERS + "org.interlock.partners.referral.accepted.v1.json",
                AgencyTopics.referralAcceptedData(referral, "mia.mentor"));
    }

    @Test
    void aPartnerAllocationAndARestrictionMatchTheirSchemas() {
        String id = UUID.randomUUID().toString();
        assertMatches(SHARED + "org.interlock.partners.allocation.started.v1.json",
                AgencyTopics.allocationData(id, "partners", "mia.mentor", person, "hana.horizon"));
        assertMatches(SHARED + "org.interlock.prisons.restriction.imposed.v1.json",
                AgencyTopics.restrictionData(id, person, "tom.prisonlead", List.of("tom.prisonlead")));
    }

    private static void assertMatches(String schema, String data) {
        try (InputStream in = Files.newInputStream(TestKeycloak.repository().resolve(Path.of(schema)))) {
            List<Error> errors = SCHEMAS.getSchema(in).validate(JSON.readTree(data));
            assertEquals(List.of(), errors, schema + " for " + data);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + schema, e);
        }
    }
}
