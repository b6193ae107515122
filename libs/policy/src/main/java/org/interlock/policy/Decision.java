package org.interlock.policy;

import java.util.List;

/**
 * The answer of the decision point: {@link Permit} with its obligations, or {@link Deny} with a
 * machine-readable reason. Both carry the policy version and the trail of rules that decided, so
 * the audit record and an operator's "why?" need nothing else.
 */
public sealed interface Decision permits Permit, Deny {

    String policyVersion();

    List<TrailStep> trail();
}
