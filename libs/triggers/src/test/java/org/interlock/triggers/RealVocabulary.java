package org.interlock.triggers;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.interlock.policy.loading.PolicyException;
import org.interlock.triggers.language.TriggerRules;
import org.interlock.triggers.loading.TriggerLoader;
import org.interlock.triggers.loading.TriggerVocabulary;

/**
 * The real catalogues and event schemas (copied from the services by the build, as the gateway
 * copies its catalogues) and the real rule file beside the gateway's policy.
 */
public final class RealVocabulary {

    public static final TriggerVocabulary VOCABULARY = TriggerVocabulary.fromClasspath(
            RealVocabulary.class.getClassLoader(), "META-INF/interlock/catalogues/", "META-INF/interlock/schemas/");

    private RealVocabulary() {
    }

    public static TriggerRules rules() throws PolicyException {
        try (Reader reader = open("policy/" + TriggerLoader.FILE)) {
            return new TriggerLoader(VOCABULARY).load("policy/" + TriggerLoader.FILE, reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Reader open(String resource) {
        return new InputStreamReader(Objects.requireNonNull(RealVocabulary.class.getClassLoader()
                .getResourceAsStream(resource), resource), StandardCharsets.UTF_8);
    }
}
