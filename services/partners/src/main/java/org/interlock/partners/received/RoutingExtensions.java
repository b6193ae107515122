package org.interlock.partners.received;

/**
 * The CloudEvents extensions the gateway's exchange adds to each copy it routes to a partner
 * organisation (binary mode: {@code ce_<name>}). Partner organisations share one inbox topic, so
 * the recipient is what tells whose copy it is.
 */
final class RoutingExtensions {

    /** The partner organisation the copy is for, e.g. {@code horizon-mentoring}. */
    static final String RECIPIENT = "recipient";

    /** The ce_id of the original event. */
    static final String SOURCE_EVENT_ID = "sourceeventid";

    /** The consent the copy was disclosed under; absent when another legal basis applied. */
    static final String CONSENT = "consent";

    private RoutingExtensions() {
    }
}
