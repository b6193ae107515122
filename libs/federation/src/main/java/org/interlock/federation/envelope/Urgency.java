package org.interlock.federation.envelope;

/**
 * How urgent a request for information is, which sets its deadline (Directive (EU) 2023/977, ADR 0021): an urgent
 * request has hours or days depending on how the answering side holds the information, any other seven days.
 */
public enum Urgency {
    URGENT("urgent"),
    NOT_URGENT("not-urgent");

    private final String code;

    Urgency(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static Urgency fromCode(String code) {
        for (Urgency urgency : values()) {
            if (urgency.code.equals(code)) {
                return urgency;
            }
        }
        throw new IllegalArgumentException("urgency must be urgent or not-urgent");
    }
}
