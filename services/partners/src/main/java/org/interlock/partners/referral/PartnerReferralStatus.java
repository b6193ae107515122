package org.interlock.partners.referral;

/**
 * Where a referral made to a partner organisation stands for it: open until its partner manager
 * answers (accepted, declined), or until the referrer withdraws it or it expires. Only an open
 * referral can be answered.
 */
public enum PartnerReferralStatus {
    OPEN, ACCEPTED, DECLINED, WITHDRAWN, EXPIRED
}
