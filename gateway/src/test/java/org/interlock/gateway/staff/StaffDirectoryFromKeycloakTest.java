package org.interlock.gateway.staff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.interlock.gateway.enforcement.UpstreamStub;
import org.interlock.policy.StaffDirectory;
import org.interlock.policy.StaffMember;
import org.interlock.testing.GatewayResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's staff directory reading Keycloak's admin API (the stub, with the dev realm's
 * users) with its own client's token: who is staff, and how changes in Keycloak reach it.
 */
@QuarkusTest
@QuarkusTestResource(GatewayResource.class)
@QuarkusTestResource(UpstreamStub.class)
class StaffDirectoryFromKeycloakTest {

    private static final Set<String> DEFAULTS = Set.of("default-roles-interlock", "offline_access", "uma_authorization");

    @Inject
    StaffDirectory directory;

    @AfterEach
    void realmUsersAgain() {
        StaffDirectoryStub.reset();
    }

    @Test
    void theDirectoryBeanIsTheKeycloakOne() {
        assertEquals(KeycloakStaffDirectory.class, ClientProxy.unwrap(directory).getClass());
    }

    @Test
    void realmPersonasAreStaffWithTheirAgencyOrganisationAndEffectiveRoles() {
        assertEquals(Optional.of(new StaffMember("tom.prisonlead", "prisons", null,
                roles("team-manager", "offender-manager"))), directory.member("tom.prisonlead"));
        assertEquals(Optional.of(new StaffMember("tara.probationlead", "probation", null,
                roles("team-manager", "partnership-manager", "probation-officer", "identity-manager"))), directory.member("tara.probationlead"));
        assertEquals(Optional.of(new StaffMember("hana.horizon", "partners", "horizon-mentoring",
                roles("partner-manager", "partner-caseworker"))), directory.member("hana.horizon"));
        assertEquals(Optional.of(new StaffMember("felix.faithbridge", "partners", "faith-bridge",
                roles("partner-manager", "partner-caseworker"))), directory.member("felix.faithbridge"));
        assertEquals(Optional.of(new StaffMember("mia.mentor", "partners", "horizon-mentoring",
                roles("partner-caseworker"))), directory.member("mia.mentor"));
        assertEquals(Optional.of(new StaffMember("olivia.prison", "prisons", null,
                roles("offender-manager"))), directory.member("olivia.prison"));
    }

    @Test
    void serviceAccountsAndStrangersAreNotStaff() {
        assertEquals(Optional.empty(), directory.member("service-account-interlock-gateway"));
        assertEquals(Optional.empty(), directory.member("mallory"));
    }

    @Test
    void aUserAddedInKeycloakIsStaffAfterTheNextRead() {
        StaffDirectoryStub.add("nina.newstarter", "probation", null, "probation-officer");

        assertEquals(Optional.of(new StaffMember("nina.newstarter", "probation", null, roles("probation-officer"))),
                directory.member("nina.newstarter"));
    }

    @Test
    void aDisabledOrRemovedUserIsNoLongerStaff() {
        StaffDirectoryStub.disable("peter.probation");
        StaffDirectoryStub.remove("olivia.prison");

        assertEquals(Optional.empty(), directory.member("peter.probation"));
        assertEquals(Optional.empty(), directory.member("olivia.prison"));
    }

    @Test
    void aUserWithoutASingleAgencyIsNotStaff() {
        StaffDirectoryStub.put("two.hats", true, Map.of("agency", List.of("prisons", "probation")), "team-manager");

        assertEquals(Optional.empty(), directory.member("two.hats"));
    }

    @Test
    void anOutageKeepsTheLastGoodCopyAndIsCounted() {
        StaffDirectoryStub.outage(503);

        assertThrows(RuntimeException.class, StaffDirectoryStub::refreshGateway);

        assertEquals("partners", directory.member("mia.mentor").orElseThrow().agency());
        given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'Staff directory' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Staff directory' }.data.lastFailure",
                        equalTo("Keycloak's admin API answered 503"));
        given().get("/q/metrics").then()
                .body(containsString("interlock_staff_directory_refresh_failures_total"));
    }

    @Test
    void readinessShowsTheDirectoryReadWithEveryRealmPersona() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.name", hasItem(StaffDirectoryReadiness.NAME))
                .body("checks.find { it.name == 'Staff directory' }.data.members", equalTo(12));
    }

    private static Set<String> roles(String... roles) {
        Set<String> all = new HashSet<>(DEFAULTS);
        all.addAll(List.of(roles));
        return all;
    }
}
