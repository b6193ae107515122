package org.interlock.contracts;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Government security classifications, in order: a clearance of one level sees it and those below. */
public enum Classification {
    OFFICIAL("official"),
    OFFICIAL_SENSITIVE("official-sensitive"),
    SECRET("secret");

    private final String label;

    Classification(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public boolean atMost(Classification ceiling) {
        return compareTo(ceiling) <= 0;
    }

    @JsonCreator
    public static Classification fromLabel(String label) {
        return Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown classification: " + label));
    }
}
