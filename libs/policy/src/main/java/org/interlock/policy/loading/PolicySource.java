package org.interlock.policy.loading;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the policy file {@value #POLICY_FILE} is read from: a directory operators edit and reload
 * without a restart, or the {@code policy/} folder on the classpath (the starter policy).
 */
public sealed interface PolicySource {

    String POLICY_FILE = "interlock-policy.yaml";

    /** The file's name as error messages cite it. */
    String name();

    Reader open() throws IOException;

    static PolicySource directory(Path directory) {
        return new Directory(directory);
    }

    static PolicySource classpath() {
        return new Classpath("policy");
    }

    record Directory(Path directory) implements PolicySource {
        @Override
        public String name() {
            return directory.resolve(POLICY_FILE).toString();
        }

        @Override
        public Reader open() throws IOException {
            return Files.newBufferedReader(directory.resolve(POLICY_FILE), StandardCharsets.UTF_8);
        }
    }

    record Classpath(String folder) implements PolicySource {
        @Override
        public String name() {
            return folder + "/" + POLICY_FILE;
        }

        @Override
        public Reader open() throws IOException {
            InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name());
            if (in == null) {
                in = PolicySource.class.getClassLoader().getResourceAsStream(name());
            }
            if (in == null) {
                throw new IOException("not on the classpath");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }
    }
}
