package org.interlock.policy.language;

import java.util.Set;
import java.util.regex.Pattern;

import org.interlock.policy.Principal;

/**
 * Who an agreement or a deny rule is about: every member (and the inbox) of an agency, written as
 * its id ({@code probation}), or of one partner organisation, written {@code org:<id>}.
 */
public sealed interface Recipient {

    /** The agencies people belong to: the four systems of record and oversight. */
    Set<String> AGENCIES = Set.of("prisons", "probation", "intelligence", "partners", "oversight");

    Pattern ORGANISATION = Pattern.compile("[a-z0-9][a-z0-9-]*");

    boolean matches(Principal principal);

    /** As written in policy files. */
    String id();

    /** Who consent is asked for when this recipient receives on consent. */
    String consentParty();

    /** @throws IllegalArgumentException naming what is wrong */
    static Recipient parse(String text) {
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
                    + String.join(", ", AGENCIES.stream().sorted().toList()) + "; or org:<id>)");
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
}
