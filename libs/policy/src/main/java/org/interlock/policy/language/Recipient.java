package org.interlock.policy.language;

import java.util.Set;
import java.util.regex.Pattern;

import org.interlock.policy.Principal;

/**
 * Who an agreement or a deny rule is about: every member (and the inbox) of an agency, written as
 * its id ({@code probation}), or of one partner organisation, written {@code org:<id>}; or, for an
 * agreement only, {@code conference}: the staff a case conference about the person invites; or another
 * Interlock deployment, written {@code federation:<peer>} (ADR 0021), which only ever matches that peer
 * (never a person, an agency or an organisation of this deployment).
 */
public sealed interface Recipient {

    /** The agencies people belong to: the four systems of record and oversight. */
    Set<String> AGENCIES = Set.of("prisons", "probation", "intelligence", "partners", "oversight");

    Pattern ORGANISATION = Pattern.compile("[a-z0-9][a-z0-9-]*");

    /** How a federation peer is written: {@code federation:nl}. */
    String PEER_PREFIX = Principal.PEER_PREFIX;

    /**
     * How handling conditions name a recipient on either side of a border: an agency id, {@code org:<id>} or
     * {@code federation:<peer>}. Another deployment's own ids cannot be checked here, only their shape.
     */
    Pattern IN_CONDITIONS = Pattern.compile("((org|federation):)?[a-z0-9][a-z0-9-]{0,62}");

    static boolean namedInConditions(String id) {
        return id != null && IN_CONDITIONS.matcher(id).matches();
    }

    boolean matches(Principal principal);

    /** As written in policy files. */
    String id();

    /** Who consent is asked for when this recipient receives on consent. */
    String consentParty();

    /**
     * Whether a record addressed to {@code addressee} is addressed to this principal. An addressee is
     * an organisation ({@code horizon-mentoring} or {@code org:horizon-mentoring}) or an agency
     * ({@code prisons}, as a conference action may be): an organisation's staff and inbox match only
     * their organisation, an agency's only their agency. An agency's name never addresses an
     * organisation, whatever an organisation is called. A record addressed to nobody is nobody's.
     */
    static boolean addressedTo(String addressee, Principal principal) {
        if (addressee == null) {
            return false;
        }
        if (principal.org() != null) {
            return addressee.equals("org:" + principal.org())
                    || !AGENCIES.contains(addressee) && addressee.equals(principal.org());
        }
        return AGENCIES.contains(addressee) && addressee.equals(principal.agency());
    }

    /** @throws IllegalArgumentException naming what is wrong */
    static Recipient parse(String text) {
        if (OfConference.ID.equals(text)) {
            return new OfConference();
        }
        if (text.startsWith(PEER_PREFIX)) {
            String peer = text.substring(PEER_PREFIX.length());
            if (!ORGANISATION.matcher(peer).matches()) {
                throw new IllegalArgumentException("peer id '" + peer + "' must be lower-case letters, digits and dashes");
            }
            return new OfPeer(peer);
        }
        if (text.startsWith("org:")) {
            String organisation = text.substring(4);
            if (!ORGANISATION.matcher(organisation).matches()) {
                throw new IllegalArgumentException("organisation id '" + organisation
                        + "' must be lower-case letters, digits and dashes");
            }
            return new OfOrganisation(organisation);
        }
        if (!AGENCIES.contains(text)) {
            throw new IllegalArgumentException("unknown recipient '" + text + "' (an agency: "
                    + String.join(", ", AGENCIES.stream().sorted().toList()) + "; org:<id>; federation:<peer>; or conference)");
        }
        return new OfAgency(text);
    }

    record OfAgency(String agency) implements Recipient {
        @Override
        public boolean matches(Principal principal) {
            return agency.equals(principal.agency());
        }

        @Override
        public String id() {
            return agency;
        }

        @Override
        public String consentParty() {
            return agency;
        }
    }

    /** A partner organisation: the principal's {@code org} claim must match it. */
    record OfOrganisation(String organisation) implements Recipient {
        @Override
        public boolean matches(Principal principal) {
            return organisation.equals(principal.org());
        }

        @Override
        public String id() {
            return "org:" + organisation;
        }

        @Override
        public String consentParty() {
            return organisation;
        }
    }

    /**
     * The invitees of a case conference: people only, never an inbox. Which conference, and whether
     * it invites this person now, the decision point asks of the conferences it is given.
     */
    record OfConference() implements Recipient {
        public static final String ID = "conference";

        @Override
        public boolean matches(Principal principal) {
            return principal.username() != null;
        }

        @Override
        public String id() {
            return ID;
        }

        @Override
        public String consentParty() {
            throw new IllegalStateException("a conference agreement never rests on consent");
        }
    }

    /**
     * Another Interlock deployment, a peer of the trust anchors. It matches only the peer's own principal
     * ({@link Principal#peer}), which has no username, no organisation and an agency no person or inbox of this
     * deployment has; so no agreement to a peer ever releases to anyone here, and no local agreement to a peer.
     */
    record OfPeer(String peer) implements Recipient {
        @Override
        public boolean matches(Principal principal) {
            return principal.username() == null && principal.org() == null
                    && id().equals(principal.agency());
        }

        @Override
        public String id() {
            return PEER_PREFIX + peer;
        }

        @Override
        public String consentParty() {
            throw new IllegalStateException("a federation agreement never rests on consent");
        }
    }
}
