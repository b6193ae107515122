package org.interlock.policy;

import java.util.List;

/** Disclosure is refused, with a machine-readable reason for the caller and the audit trail. */
public record Deny(DenyReason reason, String policyVersion, List<TrailStep> trail) implements Decision {

    public Deny {
        trail = List.copyOf(trail);
    }
}
