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
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.runtime.Startup;
import org.interlock.policy.loading.PolicyException;
import org.interlock.triggers.language.TriggerRules;
import org.interlock.triggers.loading.TriggerLoader;
import org.interlock.triggers.loading.TriggerVocabulary;

/**
 * The review-trigger rules (ADR 0015), read beside the policy: {@code triggers.yaml} in the policy
 * directory when it holds one, else the rules built into the gateway. Checked against the
 * services' catalogues and event schemas as the build checks them; rules that do not load stop
 * the start, as a policy that does not load does.
 */
@ApplicationScoped
public class TriggerRulesProducer {

    static final String CATALOGUES = "META-INF/interlock/catalogues/";
    static final String SCHEMAS = "META-INF/interlock/service-schemas/";
    private static final String BUILT_IN = "policy/" + TriggerLoader.FILE;

    @Produces
    @Singleton
    @Startup
    TriggerRules triggerRules(PolicyConfig config) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        TriggerLoader rules = new TriggerLoader(TriggerVocabulary.fromClasspath(loader, CATALOGUES, SCHEMAS));
        Optional<Path> file = config.directory().map(dir -> Path.of(dir, TriggerLoader.FILE)).filter(Files::isRegularFile);
        try (Reader reader = file.isPresent() ? Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)
                : builtIn(loader)) {
            return rules.load(file.map(Path::toString).orElse(BUILT_IN), reader);
        } catch (PolicyException | IOException e) {
            throw new IllegalStateException("The review-trigger rules do not load: " + e.getMessage(), e);
        }
    }

    private static Reader builtIn(ClassLoader loader) throws IOException {
        InputStream in = loader.getResourceAsStream(BUILT_IN);
        if (in == null) {
            throw new IOException(BUILT_IN + " is not on the classpath");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
