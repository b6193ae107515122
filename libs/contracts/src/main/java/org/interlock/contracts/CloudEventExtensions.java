package org.interlock.contracts;

/** The CloudEvents extension attributes every Interlock event carries (binary mode: {@code ce_<name>}). */
public final class CloudEventExtensions {

    public static final String CLASSIFICATION = "classification";
    public static final String CATEGORY = "category";
    public static final String HANDLING = "handling";
    public static final String CORRELATION_ID = "correlationid";
    public static final String TRACEPARENT = "traceparent";

    private CloudEventExtensions() {
    }
}
