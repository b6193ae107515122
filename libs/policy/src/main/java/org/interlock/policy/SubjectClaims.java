package org.interlock.policy;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.interlock.contracts.Classification;

/**
 * Reads a {@link Principal} from the claims of a Keycloak access token: {@code preferred_username},
 * {@code agency}, {@code org}, {@code clearance} and {@code realm_access.roles}. A claim that is
 * missing or malformed is left null, so that the engine denies with UNKNOWN_SUBJECT rather than
 * guessing.
 */
public final class SubjectClaims {

    private SubjectClaims() {
    }

    public static Principal toPrincipal(Map<String, ?> claims) {
        return Principal.person(text(claims.get("preferred_username")), text(claims.get("agency")),
                text(claims.get("org")), roles(claims.get("realm_access")), clearance(claims.get("clearance")));
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    private static Classification clearance(Object value) {
        String label = text(value);
        if (label == null) {
            return null;
        }
        try {
            return Classification.fromLabel(label);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Set<String> roles(Object realmAccess) {
        Set<String> roles = new LinkedHashSet<>();
        if (realmAccess instanceof Map<?, ?> access && access.get("roles") instanceof Collection<?> listed) {
            for (Object role : listed) {
                if (role instanceof String s && !s.isBlank()) {
                    roles.add(s);
                }
            }
        }
        return roles;
    }
}
