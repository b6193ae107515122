package org.interlock.gateway.federation.requests;

import java.util.Optional;

/** Which side of a request for information this deployment is on: it asked (outgoing) or is asked (incoming). */
public enum Direction {
    OUTGOING("outgoing"),
    INCOMING("incoming");

    private final String code;

    Direction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Direction> fromCode(String code) {
        for (Direction direction : values()) {
            if (direction.code.equals(code)) {
                return Optional.of(direction);
            }
        }
        return Optional.empty();
    }
}
