package org.interlock.policy.engine;

import java.util.ArrayList;
import java.util.List;

import org.interlock.policy.Deny;
import org.interlock.policy.DenyReason;
import org.interlock.policy.TrailStep;

/** The reasoning of one decision as it happens, so the decision can say why. Not thread-safe: one per decision. */
final class Trail {

    private final String policyVersion;
    private final List<TrailStep> steps = new ArrayList<>(4);

    Trail(String policyVersion) {
        this.policyVersion = policyVersion;
    }

    Trail note(String rule, String finding) {
        steps.add(new TrailStep(rule, finding));
        return this;
    }

    Deny deny(DenyReason reason, String rule, String finding) {
        note(rule, finding);
        return new Deny(reason, policyVersion, steps);
    }

    String policyVersion() {
        return policyVersion;
    }

    List<TrailStep> steps() {
        return steps;
    }
}
