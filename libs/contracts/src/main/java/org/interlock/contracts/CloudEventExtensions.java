package org.interlock.contracts;

/** The CloudEvents extension attributes every Interlock event carries (binary mode: {@code ce_<name>}). */
public final class CloudEventExtensions {

    public static final String CLASSIFICATION = "classification";
    public static final String CATEGORY = "category";
    public static final String HANDLING = "handling";
    public static final String CORRELATION_ID = "correlationid";
    public static final String TRACEPARENT = "traceparent";
    /**
     * Who the change was recorded by: the username of the member of staff the gateway asserted
     * acts (X-Interlock-Actor), or {@code system:<agency>} when the service acted by itself (a
     * scheduled job, a reaction to its inbox).
     */
    public static final String RECORDED_BY = "recordedby";

    // What the exchange adds to each copy it delivers to an inbox.
    /** The id of the agency event the copy was made from. */
    public static final String SOURCE_EVENT_ID = "sourceeventid";
    /** Whom the copy is for: an agency id or a partner organisation id. */
    public static final String RECIPIENT = "recipient";
    /** The sharing agreement the copy was released under. */
    public static final String AGREEMENT = "agreement";
    /** The consent the release relied on, if any. */
    public static final String CONSENT = "consent";
    /** The policy version that decided the release. */
    public static final String POLICY_VERSION = "policyversion";

    private CloudEventExtensions() {
    }
}
