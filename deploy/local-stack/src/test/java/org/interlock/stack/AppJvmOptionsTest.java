package org.interlock.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The applications' extra JVM options (INTERLOCK_APP_JAVA_OPTIONS), as an operator writes them. */
class AppJvmOptionsTest {

    @Test
    void unsetOrBlankAddsNothing() {
        assertEquals(List.of(), AppJvmOptions.parse(null));
        assertEquals(List.of(), AppJvmOptions.parse("  "));
    }

    @Test
    void optionsAreSeparatedByAnyWhitespace() {
        assertEquals(List.of("-XX:+UseZGC", "-Xmx512m"), AppJvmOptions.parse(" -XX:+UseZGC \t-Xmx512m\n"));
    }
}
