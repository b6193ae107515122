package org.interlock.policy;

/** One question to the decision point, in Cedar's shape: may this principal do this action on this resource, here? */
public record DecisionRequest(Principal principal, Action action, Resource resource, Context context) {
}
