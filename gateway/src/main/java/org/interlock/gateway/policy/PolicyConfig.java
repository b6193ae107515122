package org.interlock.gateway.policy;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Configuration of the policy decision point. */
@ConfigMapping(prefix = "interlock.policy")
public interface PolicyConfig {

    /** Directory holding interlock-policy.yaml, reloadable without a restart; the classpath's policy/ when absent. */
    Optional<String> directory();
}
