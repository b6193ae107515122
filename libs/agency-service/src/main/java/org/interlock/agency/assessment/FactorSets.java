package org.interlock.agency.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.Startup;
import org.interlock.policy.loading.PolicyException;

/**
 * The factor sets this service rates against, read once at start: a missing or bad file stops the
 * start with its name and line, so that no assessment is ever checked against half a frame.
 */
@ApplicationScoped
@Startup
@IfBuildProperty(name = "interlock.assessments", stringValue = "true")
public class FactorSets {

    static final String FOLDER = "META-INF/interlock/factor-sets/";

    private final Map<String, FactorSet> sets;

    @Inject
    public FactorSets(AssessmentConfig config) {
        this(load(config.factorSets(), Thread.currentThread().getContextClassLoader()));
    }

    FactorSets(List<FactorSet> sets) {
        Map<String, FactorSet> byKey = new LinkedHashMap<>();
        for (FactorSet set : sets) {
            if (byKey.putIfAbsent(key(set.id(), set.version()), set) != null) {
                throw new IllegalStateException("factor set " + set.id() + " version " + set.version() + " is read twice");
            }
        }
        this.sets = Map.copyOf(byKey);
    }

    /** Each named file under {@value #FOLDER}, read strictly; the first bad one fails the whole start. */
    public static List<FactorSet> load(List<String> names, ClassLoader loader) {
        return names.stream().map(name -> read(FOLDER + name + ".yaml", loader)).toList();
    }

    public Optional<FactorSet> find(String id, int version) {
        return Optional.ofNullable(sets.get(key(id, version)));
    }

    /** Every set, by id then version. */
    public List<FactorSet> all() {
        return sets.values().stream()
                .sorted(Comparator.comparing(FactorSet::id).thenComparingInt(FactorSet::version)).toList();
    }

    private static FactorSet read(String resource, ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + ": no such factor set on the classpath");
            }
            return FactorSetReader.read(resource, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (PolicyException e) {
            throw new IllegalStateException("Bad factor set: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(resource + ": cannot be read", e);
        }
    }

    private static String key(String id, int version) {
        return id + "@" + version;
    }
}
