package org.interlock.bench;

import java.util.List;

/**
 * A policy of a realistic size for the decision benchmark: the demo's vocabulary and a given number
 * of agreements spread over every origin and recipient, so that a request meets several candidate
 * agreements (as in a national deployment) and not just the one that permits it.
 */
final class BenchPolicy {

    static final List<String> ORIGINS = List.of("prisons", "probation", "intelligence", "partners");
    static final List<String> RECIPIENTS = List.of("prisons", "probation", "intelligence", "partners",
            "org:horizon-mentoring", "org:faith-bridge");
    static final List<String> CATEGORIES = List.of("custody.reception", "custody.transfer", "custody.release",
            "custody.security", "custody.incident", "risk.assessment", "supervision.case", "supervision.mappa",
            "supervision.breach", "supervision.recall", "supervision.appointment", "licence.conditions",
            "intel.report", "intel.summary", "intel.threat", "partner.organisation", "partner.activity",
            "partner.concern", "consent", "allocation");

    private BenchPolicy() {
    }

    /** The YAML text of a policy with {@code agreements} agreements; the last prisons-to-probation one covers custody.*. */
    static String yaml(int agreements) {
        StringBuilder yaml = new StringBuilder("""
                version: bench-1
                purposes: [case-management, risk-management, public-protection, safeguarding, resettlement, oversight]
                categories: [%s]
                staff:
                  roles: [offender-manager, probation-officer, intelligence-officer, partner-caseworker, service]
                breakGlass:
                  roles: [probation-officer, offender-manager]
                deny:
                  - id: no-intelligence-reports-to-partners
                    reason: never
                    from: intelligence
                    to: [partners]
                    categories: [intel.report, intel.threat]
                agreements:
                """.formatted(String.join(", ", CATEGORIES)));
        for (int i = 0; i < agreements; i++) {
            String from = ORIGINS.get(i / RECIPIENTS.size() % ORIGINS.size());
            String to = RECIPIENTS.get(i % RECIPIENTS.size());
            boolean last = from.equals("prisons") && to.equals("probation") && i + 24 >= agreements;
            yaml.append("""
                      - id: bench-%03d
                        from: %s
                        to: %s
                        categories: [%s]
                        purposes: [case-management, public-protection]
                        maxClassification: official-sensitive
                        redact: [$.details]
                        validUntil: 2099-01-01
                        legalBasis: %s
                    """.formatted(i, from, to,
                    last ? "custody.*" : CATEGORIES.get((i * 7) % CATEGORIES.size()),
                    to.startsWith("org:") ? "consent" : "statutory:Offender Management Act 2007 s.14"));
        }
        return yaml.toString();
    }
}
