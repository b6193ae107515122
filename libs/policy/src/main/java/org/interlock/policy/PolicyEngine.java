package org.interlock.policy;

/**
 * The policy decision point. An interface so that another engine (Cedar, OPA) could stand behind
 * the same enforcement code; {@link org.interlock.policy.engine.InterlockPolicyEngine} is ours.
 * Implementations never throw from {@link #decide}: a failure is a {@link Deny} with
 * {@link DenyReason#POLICY_ERROR}.
 */
public interface PolicyEngine {

    Decision decide(DecisionRequest request);

    /** Whether the policy in force knows this purpose of use; an unknown one is the caller's 400. */
    boolean knownPurpose(String purpose);
}
