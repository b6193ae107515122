package org.interlock.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.interlock.contracts.Classification;

class SubjectClaimsTest {

    @Test
    void partnerCaseworkerIsReadFromHerTokenClaims() {
        Map<String, Object> claims = Map.of("preferred_username", "mia.mentor", "agency", "partners",
                "org", "horizon-mentoring", "clearance", "official",
                "realm_access", Map.of("roles", List.of("partner-caseworker", "default-roles-interlock")));

        assertEquals(Principal.person("mia.mentor", "partners", "horizon-mentoring",
                Set.of("partner-caseworker", "default-roles-interlock"), Classification.OFFICIAL),
                SubjectClaims.toPrincipal(claims));
    }

    @Test
    void unknownClearanceIsLeftOutSoTheSubjectIsUnknown() {
        Principal principal = SubjectClaims.toPrincipal(Map.of("preferred_username", "x", "agency", "probation",
                "clearance", "top-secret"));

        assertEquals(Principal.person("x", "probation", null, Set.of(), null), principal);
    }

    @Test
    void malformedClaimsAreIgnoredRatherThanGuessed() {
        Principal principal = SubjectClaims.toPrincipal(Map.of("preferred_username", 42, "agency", " ",
                "realm_access", List.of("analyst")));

        assertEquals(Principal.person(null, null, null, Set.of(), null), principal);
    }
}
