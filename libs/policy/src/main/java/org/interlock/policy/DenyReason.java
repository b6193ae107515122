package org.interlock.policy;

/** Why a request was denied; stable codes that clients and auditors can rely on. */
public enum DenyReason {
    /** No sharing agreement covers this origin, recipient, category, action and role. */
    NO_AGREEMENT,
    /** The data (or the projection an agreement releases) is above the subject's clearance. */
    ABOVE_CLEARANCE,
    /** The data is above the maximum classification the agreement allows to leave the origin. */
    ABOVE_AGREEMENT_CLASSIFICATION,
    /** The handling code forbids this dissemination (C never leaves the origin). */
    HANDLING_RESTRICTED,
    /** The person is not allocated to the subject and break-glass was not invoked. */
    NOT_IN_CASELOAD,
    /** The agreement rests on consent and there is no active consent. */
    NO_CONSENT,
    /** The purpose is unknown to the policy or not one the agreement allows. */
    PURPOSE_NOT_ALLOWED,
    /** The only agreements that would apply are not in force at this instant. */
    AGREEMENT_EXPIRED,
    /** An explicit deny rule matched; it overrides every permit. */
    EXPLICIT_DENY,
    /** Break-glass was invoked by a role the policy does not allow it to. */
    BREAK_GLASS_NOT_ALLOWED,
    /** The subject lacks an agency, a username or a clearance. */
    UNKNOWN_SUBJECT,
    /** Only the owning agency's staff may write its data. */
    WRITE_NOT_OWNER,
    /** The recipient's partner organisation is suspended (or unknown): it receives nothing on any channel. */
    ORGANISATION_SUSPENDED,
    /** The owning agency restricted the person's records to named staff, and the subject is not one of them. */
    RESTRICTED,
    /** A partner organisation has no accepted referral in force for the person, the category and the purpose. */
    NO_REFERRAL,
    /** A referral may be made only by the person's statutory lead. */
    NOT_STATUTORY_LEAD,
    /** The change grants access, and the subject's roles do not hold that authority (governance). */
    NOT_AUTHORISED,
    /** The change's member of staff (allocated, chairing) is not staff of the agency (or organisation) making it. */
    STAFF_UNKNOWN,
    /**
     * Among the staff the change names for access (a conference's invitees, a restriction's named
     * staff), one is not staff the change may name.
     */
    STAFF_NAMED_UNKNOWN,
    /** A consent wider than the referral it is recorded in (categories, purposes or dates). */
    OUTSIDE_REFERRAL,
    /** The change names categories or purposes the policy does not know. */
    INVALID_TERMS,
    /** The subject is invited to a conference about the person, and its pack is not open at this time. */
    NOT_INVITED,
    /** No policy is in force, the request is incomplete, or evaluation failed: fail closed. */
    POLICY_ERROR
}
