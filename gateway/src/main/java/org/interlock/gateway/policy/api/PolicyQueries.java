package org.interlock.gateway.policy.api;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** What a policy administrator asks of the decision point, and what it answers: never data. */
public final class PolicyQueries {

    private PolicyQueries() {
    }

    /** "Would this subject, for this purpose, get this resource?" */
    public record DecisionQuery(@NotNull @Valid Subject subject,
            @NotNull @Pattern(regexp = "read|write|receive|subscribe") String action,
            @NotNull @Valid Target resource,
            @NotBlank String purpose,
            String breakGlassReason) {
    }

    /** The subject as its token would describe it; for an inbox, no username and no clearance. */
    public record Subject(String username, @NotBlank String agency, String org, String clearance, Set<String> roles) {
    }

    public record Target(@NotBlank String origin, @NotBlank String category, @NotBlank String classification,
            String handling, String person, String type) {
    }

    public record DecisionView(String decision, String reason, String agreement, String consent,
            List<String> redactions, List<String> fields, String releasedAs, boolean breakGlass, String policyVersion,
            List<Step> trail) {
    }

    public record Step(String rule, String finding) {
    }

    public record AgreementView(String id, String from, String to, List<String> categories, Set<String> purposes,
            String maxClassification, String legalBasis, List<String> redact, List<String> fields, String releaseAs,
            String validFrom, String validUntil) {
    }

    /** The policy version now in force, the one it replaced, and the digest of the text put in force. */
    public record Reloaded(String policyVersion, String previousVersion, String candidate) {
    }

    /**
     * What a reload would put in force: the versions, the digest of the candidate's text (pass it to
     * {@code POST /policy/v1/reload?candidate=} to put that text in force or nothing), and the diff.
     */
    public record ReloadPreview(String inForce, String candidateVersion, String candidate, boolean unchanged,
            org.interlock.policy.loading.PolicyDiff diff) {
    }

    public record AgreementsView(String policyVersion, List<AgreementView> agreements) {
    }
}
