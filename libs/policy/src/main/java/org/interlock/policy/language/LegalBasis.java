package org.interlock.policy.language;

/**
 * Why the law lets an agreement's data travel: a statute (cited, for the audit trail) or the
 * person's consent, which the engine then asks the consent registry for on every decision.
 */
public sealed interface LegalBasis {

    /** As written in policy files. */
    String text();

    /** @throws IllegalArgumentException when neither {@code statutory:<reference>} nor {@code consent} */
    static LegalBasis parse(String text) {
        if (text.equals("consent")) {
            return new Consent();
        }
        if (text.startsWith("statutory:") && !text.substring("statutory:".length()).isBlank()) {
            return new Statutory(text.substring("statutory:".length()).trim());
        }
        throw new IllegalArgumentException("legal basis '" + text
                + "' must be 'statutory:<reference>' (e.g. statutory:Offender Management Act 2007 s.14) or 'consent'");
    }

    record Statutory(String reference) implements LegalBasis {
        @Override
        public String text() {
            return "statutory:" + reference;
        }
    }

    record Consent() implements LegalBasis {
        @Override
        public String text() {
            return "consent";
        }
    }
}
