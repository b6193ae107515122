package org.interlock.policy;

import java.util.Collection;
import java.util.Set;

import org.interlock.contracts.Classification;

/**
 * Who asks. Either a person, from the claims of a Keycloak token ({@link SubjectClaims}), or an
 * inbox: an agency or a partner organisation that the exchange routes events to, which has no
 * username, no roles and no clearance of its own (an agreement's maximum classification stands in).
 *
 * <p>{@code agency} is a plain id rather than {@link org.interlock.contracts.Agency} because
 * people also belong to {@code oversight}, which owns no data. A missing field makes the subject
 * unknown, which the engine denies.
 *
 * @param username  {@code preferred_username}; null for an inbox
 * @param agency    {@code agency} claim: prisons, probation, intelligence, partners or oversight
 * @param org       {@code org} claim: the partner organisation, null for statutory agencies
 * @param roles     realm roles
 * @param clearance the highest classification the person may see; null for an inbox
 */
public record Principal(String username, String agency, String org, Set<String> roles, Classification clearance) {

    /** How a federation peer is written as a recipient and as a peer principal's agency. */
    public static final String PEER_PREFIX = "federation:";

    public Principal {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public static Principal person(String username, String agency, String org, Set<String> roles,
            Classification clearance) {
        return new Principal(username, agency, org, roles, clearance);
    }

    /** The inbox of an agency ({@code org} null) or of a partner organisation (agency {@code partners}). */
    public static Principal inbox(String agency, String org) {
        return new Principal(null, agency, org, Set.of(), null);
    }

    /**
     * Another deployment as a recipient: agency {@code federation:<peer>}, which no token's agency claim and no
     * inbox has, so only {@code to: federation:<peer>} matches it.
     */
    public static Principal peer(String peer) {
        return new Principal(null, PEER_PREFIX + peer, null, Set.of(), null);
    }

    public boolean holdsAnyOf(Collection<String> wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
