package org.interlock.policy.engine;

import org.interlock.policy.DenyReason;

/**
 * The checks an agreement puts a request through, in order. When no agreement permits, the deny
 * reason is that of the agreement that got furthest: it is the one the caller was closest to
 * satisfying, so its reason is the one that helps.
 */
enum Check {
    CATEGORY(DenyReason.NO_AGREEMENT),
    ACTION(DenyReason.NO_AGREEMENT),
    ROLE(DenyReason.NO_AGREEMENT),
    IN_FORCE(DenyReason.AGREEMENT_EXPIRED),
    PURPOSE(DenyReason.PURPOSE_NOT_ALLOWED),
    CLEARANCE(DenyReason.ABOVE_CLEARANCE),
    CLASSIFICATION(DenyReason.ABOVE_AGREEMENT_CLASSIFICATION),
    HANDLING(DenyReason.HANDLING_RESTRICTED),
    INVITATION(DenyReason.NOT_INVITED),
    REFERRAL(DenyReason.NO_REFERRAL),
    CASELOAD(DenyReason.NOT_IN_CASELOAD),
    CONSENT(DenyReason.NO_CONSENT);

    private final DenyReason reason;

    Check(DenyReason reason) {
        this.reason = reason;
    }

    DenyReason reason() {
        return reason;
    }
}
