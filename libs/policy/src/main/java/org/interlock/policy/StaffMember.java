package org.interlock.policy;

import java.util.Set;

/** A member of staff as the identity provider knows them: their agency, organisation (partners) and roles. */
public record StaffMember(String username, String agency, String org, Set<String> roles) {

    public StaffMember {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** Whether they belong to this agency and, for partners, to this organisation. */
    public boolean of(String agency, String org) {
        return agency.equals(this.agency) && (org == null || org.equals(this.org));
    }
}
