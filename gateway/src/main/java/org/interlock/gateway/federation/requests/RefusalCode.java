package org.interlock.gateway.federation.requests;

import java.util.Optional;

/**
 * Why a part of a request for information is not answered: the grounds of Directive (EU) 2023/977 art. 6(1) as
 * ADR 0021 codes them, chosen by the single point of contact, and {@code not-permitted}, which only the disclosure
 * point gives (no agreement of this side's policy lets the part go to the requester for the request's purpose).
 */
public enum RefusalCode {
    NOT_AVAILABLE("not-available"),
    REQUEST_INCOMPLETE("request-incomplete"),
    JUDICIAL_AUTHORISATION_REFUSED("judicial-authorisation-refused"),
    PERSONAL_DATA_CATEGORY("personal-data-category"),
    INACCURATE_OR_OUTDATED("inaccurate-or-outdated"),
    NATIONAL_SECURITY("national-security"),
    ONGOING_INVESTIGATION("ongoing-investigation"),
    INDIVIDUAL_SAFETY("individual-safety"),
    LEGAL_PERSON_INTERESTS("legal-person-interests"),
    MINOR_OFFENCE("minor-offence"),
    NOT_AN_OFFENCE("not-an-offence"),
    THIRD_PARTY_ORIGIN("third-party-origin"),
    /** The disclosure point refused the part: never a choice of the single point of contact. */
    NOT_PERMITTED("not-permitted");

    private final String code;

    RefusalCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** A code the single point of contact may give; {@code not-permitted} is the policy's alone. */
    public static Optional<RefusalCode> chosen(String code) {
        for (RefusalCode refusal : values()) {
            if (refusal.code.equals(code) && refusal != NOT_PERMITTED) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }

    /** Any code, as an answer from a peer may carry it. */
    public static Optional<RefusalCode> of(String code) {
        for (RefusalCode refusal : values()) {
            if (refusal.code.equals(code)) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }
}
