package org.interlock.agency.referral;

/**
 * Where a referral stands: made, then answered by the organisation (accepted or declined), until
 * it ends (withdrawn by the referrer, expired at its end date). Declined, withdrawn and expired
 * are final.
 */
public enum ReferralStatus {
    MADE, ACCEPTED, DECLINED, WITHDRAWN, EXPIRED;

    /** Made or accepted: not ended, so it can still be withdrawn or expire. */
    public boolean current() {
        return this == MADE || this == ACCEPTED;
    }
}
