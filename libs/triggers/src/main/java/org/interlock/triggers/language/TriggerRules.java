package org.interlock.triggers.language;

import java.util.List;

/** The rule file, loaded and checked: its version and its rules in the order written. */
public record TriggerRules(String version, List<TriggerRule> rules) {

    public TriggerRules {
        rules = List.copyOf(rules);
    }
}
