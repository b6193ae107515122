package org.interlock.policy.engine;

import org.interlock.contracts.Classification;
import org.interlock.policy.language.SharingAgreement;

/** What one candidate agreement says about a request. */
sealed interface AgreementOutcome {

    SharingAgreement agreement();

    /**
     * The agreement permits, under its obligations.
     *
     * @param conferenceId the case conference whose invitation it rests on, or null
     */
    record Grant(SharingAgreement agreement, String consentId, Classification releasedAs, boolean caseloadBypassed,
            String conferenceId) implements AgreementOutcome {

        Grant(SharingAgreement agreement, String consentId, Classification releasedAs, boolean caseloadBypassed) {
            this(agreement, consentId, releasedAs, caseloadBypassed, null);
        }
    }

    /** The agreement does not permit: the first check it failed. */
    record Refusal(SharingAgreement agreement, Check failed, String why) implements AgreementOutcome {
    }
}
