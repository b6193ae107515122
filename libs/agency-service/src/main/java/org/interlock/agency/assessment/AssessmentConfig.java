package org.interlock.agency.assessment;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Assessments against factor sets (services built with interlock.assessments=true, ADR 0018). */
@ConfigMapping(prefix = "interlock.assessment")
public interface AssessmentConfig {

    /** The factor sets this service rates against: each META-INF/interlock/factor-sets/NAME.yaml on the classpath. */
    @WithDefault("extremism-spj-1,extremism-spj-2")
    List<String> factorSets();

    /**
     * Whether an assessment may leave out its factor set and rate the domains alone, as prisons
     * recorded them before factor sets: kept for prisons' existing clients, off for every new one.
     */
    @WithDefault("false")
    boolean domainOnly();
}
