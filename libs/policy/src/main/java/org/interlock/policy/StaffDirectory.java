package org.interlock.policy;

import java.util.Optional;

/**
 * Every member of staff, as the identity provider knows them (the gateway keeps a copy from
 * Keycloak). A change may name only staff of the agency (and organisation) making it; an
 * allocation of anyone else is refused, and ignored if it was ever recorded.
 */
public interface StaffDirectory {

    /** Nobody: every change that names a member of staff is refused. */
    StaffDirectory NONE = username -> Optional.empty();

    Optional<StaffMember> member(String username);
}
