package org.interlock.stack;

/** The JDK that child processes run on: the one running this JVM, which must be 21 or newer. */
final class Jdk {

    private Jdk() {
    }

    static String home() {
        if (Runtime.version().feature() < 21) {
            throw new IllegalStateException("Interlock needs JDK 21 or newer; this is " + Runtime.version()
                    + ". Set JAVA_HOME to a JDK 21+.");
        }
        return System.getProperty("java.home");
    }

    static String java() {
        return home() + "/bin/java";
    }
}
