package org.interlock.policy;

import java.util.List;

import org.interlock.contracts.Classification;

/**
 * Disclosure is allowed, under obligations the enforcement point must apply before release
 * (see {@link org.interlock.policy.redaction.Redactor}).
 *
 * @param agreementId   the sharing agreement cited; null when the owning agency's own staff read or write
 * @param consentId     the consent relied on, when the agreement's legal basis is consent; else null
 * @param redactions    JSONPath expressions to remove from what is released
 * @param fields        the whitelist of released paths; {@code ["$"]} is the whole record, an empty
 *                      list releases nothing
 * @param releasedAs    the classification of what is released: the resource's own, or lower when an
 *                      agreement releases a whitelisted projection as a lower classification
 * @param breakGlass    true when break-glass was invoked: audit it as such and flag it for review
 */
public record Permit(String agreementId, String consentId, List<String> redactions, List<String> fields,
        Classification releasedAs, boolean breakGlass, String policyVersion, List<TrailStep> trail)
        implements Decision {

    public Permit {
        redactions = List.copyOf(redactions);
        fields = List.copyOf(fields);
        trail = List.copyOf(trail);
    }

    /** True when only a whitelist of fields is released, not the whole record. */
    public boolean projected() {
        return !fields.equals(ReleasedFields.WHOLE);
    }
}
