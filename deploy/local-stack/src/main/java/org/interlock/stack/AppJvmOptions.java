package org.interlock.stack;

import java.util.List;

/**
 * Options for every application's JVM, after the stack's own (so a later {@code -Xmx} wins): for an
 * operator trying another heap or collector on the applications alone, not on Kafka or Keycloak. The
 * stack reads them; it does not pass the variable to the applications.
 */
final class AppJvmOptions {

    static final String VARIABLE = "INTERLOCK_APP_JAVA_OPTIONS";

    private AppJvmOptions() {
    }

    static List<String> fromEnvironment() {
        return parse(System.getenv(VARIABLE));
    }

    static List<String> parse(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }
}
