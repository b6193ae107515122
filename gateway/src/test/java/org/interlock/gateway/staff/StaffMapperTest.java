package org.interlock.gateway.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.vertx.core.json.JsonObject;
import org.interlock.policy.StaffMember;
import org.junit.jupiter.api.Test;

/** Who of Keycloak's users is staff, read from the admin API's JSON as Keycloak 26 gives it. */
class StaffMapperTest {

    private static final List<String> HANA_ROLES = List.of("partner-manager", "partner-caseworker",
            "default-roles-interlock", "offline_access", "uma_authorization");

    @Test
    void partnerManagerIsStaffOfHerAgencyAndOrganisationWithEveryEffectiveRole() {
        KeycloakUser hana = user("""
                {"id":"5e0c","username":"hana.horizon","firstName":"Hana","lastName":"Horizon",
                 "email":"hana.horizon@interlock.example","emailVerified":true,
                 "attributes":{"agency":["partners"],"org":["horizon-mentoring"],"clearance":["official"]},
                 "enabled":true,"createdTimestamp":1796525549044,"totp":false}""");

        assertEquals(Optional.of(new StaffMember("hana.horizon", "partners", "horizon-mentoring", Set.copyOf(HANA_ROLES))),
                StaffMapper.member(hana, HANA_ROLES));
    }

    @Test
    void statutoryStaffHaveNoOrganisation() {
        KeycloakUser tom = user("""
                {"id":"1","username":"tom.prisonlead","enabled":true,
                 "attributes":{"agency":["prisons"],"clearance":["official-sensitive"]}}""");

        assertEquals(Optional.of(new StaffMember("tom.prisonlead", "prisons", null, Set.of("team-manager", "offender-manager"))),
                StaffMapper.member(tom, List.of("team-manager", "offender-manager")));
    }

    @Test
    void disabledAccountIsNotStaff() {
        KeycloakUser disabled = user("""
                {"id":"1","username":"olivia.prison","enabled":false,"attributes":{"agency":["prisons"]}}""");

        assertEquals(Optional.empty(), StaffMapper.member(disabled, List.of("offender-manager")));
    }

    @Test
    void accountWithoutAnAgencyIsNotStaff() {
        KeycloakUser admin = user("""
                {"id":"1","username":"realm.admin","enabled":true,"attributes":{"clearance":["secret"]}}""");
        KeycloakUser noAttributes = user("""
                {"id":"2","username":"bare","enabled":true}""");
        KeycloakUser blank = user("""
                {"id":"3","username":"blank","enabled":true,"attributes":{"agency":[" "]}}""");

        assertEquals(Optional.empty(), StaffMapper.member(admin, List.of("analyst")));
        assertEquals(Optional.empty(), StaffMapper.member(noAttributes, List.of("analyst")));
        assertEquals(Optional.empty(), StaffMapper.member(blank, List.of("analyst")));
    }

    @Test
    void ambiguousAgencyOrOrganisationIsNotStaff() {
        KeycloakUser twoAgencies = user("""
                {"id":"1","username":"two.agencies","enabled":true,"attributes":{"agency":["prisons","probation"]}}""");
        KeycloakUser twoOrgs = user("""
                {"id":"2","username":"two.orgs","enabled":true,
                 "attributes":{"agency":["partners"],"org":["horizon-mentoring","faith-bridge"]}}""");

        assertEquals(Optional.empty(), StaffMapper.member(twoAgencies, List.of("team-manager")));
        assertEquals(Optional.empty(), StaffMapper.member(twoOrgs, List.of("partner-manager")));
    }

    private static KeycloakUser user(String json) {
        return KeycloakUser.from(new JsonObject(json));
    }
}
