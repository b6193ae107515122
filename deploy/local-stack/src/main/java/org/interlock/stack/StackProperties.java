package org.interlock.stack;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What the build recorded about this machine: where Maven put the Keycloak distribution. */
final class StackProperties {

    private StackProperties() {
    }

    static Properties load() {
        try (InputStream in = StackProperties.class.getResourceAsStream("/interlock-stack.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("interlock-stack.properties is missing: rebuild deploy/local-stack", e);
        }
    }
}
