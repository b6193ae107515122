package org.interlock.gateway.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import org.interlock.policy.loading.PolicyException;
import org.interlock.triggers.language.TriggerRules;
import org.interlock.triggers.loading.TriggerLoader;
import org.interlock.triggers.loading.TriggerVocabulary;

/**
 * The review-trigger rules in force (ADR 0015), read beside the policy: {@code triggers.yaml} in the
 * policy directory when it holds one, else the rules built into the gateway; checked against the
 * services' catalogues and event schemas as the build checks them. Rules that do not load stop the
 * start; on a reload they are refused and the rules in force stay, as a policy is.
 */
@ApplicationScoped
@Startup
public class TriggerRuleStore {

    static final String CATALOGUES = "META-INF/interlock/catalogues/";
    static final String SCHEMAS = "META-INF/interlock/service-schemas/";
    private static final String BUILT_IN = "policy/" + TriggerLoader.FILE;

    private final Optional<Path> directory;
    private final TriggerLoader loader;
    private volatile TriggerRules current;

    public TriggerRuleStore(PolicyConfig config) {
        ClassLoader classes = Thread.currentThread().getContextClassLoader();
        this.directory = config.directory().map(Path::of);
        this.loader = new TriggerLoader(TriggerVocabulary.fromClasspath(classes, CATALOGUES, SCHEMAS));
        try {
            this.current = read();
        } catch (PolicyException e) {
            throw new IllegalStateException("The review-trigger rules do not load: " + e.getMessage(), e);
        }
    }

    public TriggerRules current() {
        return current;
    }

    /** Reads the rules without putting them in force: a reload puts them in force with the policy. */
    public TriggerRules read() throws PolicyException {
        Optional<Path> file = directory.map(dir -> dir.resolve(TriggerLoader.FILE)).filter(Files::isRegularFile);
        try (Reader reader = file.isPresent() ? Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)
                : builtIn()) {
            return loader.load(file.map(Path::toString).orElse(BUILT_IN), reader);
        } catch (IOException e) {
            throw new IllegalStateException("The review-trigger rules cannot be read: " + e.getMessage(), e);
        }
    }

    public void putInForce(TriggerRules rules) {
        this.current = rules;
    }

    private static Reader builtIn() throws IOException {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(BUILT_IN);
        if (in == null) {
            throw new IOException(BUILT_IN + " is not on the classpath");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
