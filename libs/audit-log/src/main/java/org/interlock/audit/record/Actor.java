package org.interlock.audit.record;

/**
 * Who acted: the authenticated subject (Keycloak {@code sub}), their agency and organisation, the client
 * application, and on whose behalf when a system acts for a person. Identifiers only, never a token.
 * Every field may be null (an event routed to an agency has no person as subject).
 */
public record Actor(String subject, String agency, String org, String client, String onBehalfOf) {

    /** A person acting for their agency through a client. */
    public static Actor person(String subject, String agency, String client) {
        return new Actor(subject, agency, null, client, null);
    }
}
