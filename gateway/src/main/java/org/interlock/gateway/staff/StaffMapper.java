package org.interlock.gateway.staff;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.interlock.policy.StaffMember;

/**
 * Who of Keycloak's users is a member of staff: an enabled account with exactly one agency
 * (and at most one organisation). Everyone else is not staff, so that a change naming them is
 * refused: a disabled account, an administrator without an agency, an account whose agency or
 * organisation is ambiguous.
 */
final class StaffMapper {

    static final String AGENCY = "agency";
    static final String ORG = "org";

    private StaffMapper() {
    }

    /** Whether the user can be staff at all, before their roles are read. */
    static boolean candidate(KeycloakUser user) {
        return user.enabled() && user.username() != null && user.id() != null
                && user.single(AGENCY) != null && user.attributes().getOrDefault(ORG, List.of()).size() <= 1;
    }

    /** @param realmRoles the user's effective realm roles, as their token would carry them */
    static Optional<StaffMember> member(KeycloakUser user, Collection<String> realmRoles) {
        if (!candidate(user)) {
            return Optional.empty();
        }
        return Optional.of(new StaffMember(user.username(), user.single(AGENCY), user.single(ORG), Set.copyOf(realmRoles)));
    }
}
