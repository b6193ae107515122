package org.interlock.policy;

/**
 * One question to the decision point, in Cedar's shape: may this principal do this action on this
 * resource, here? A change also says what it asks for ({@link ChangeTerms}): whom it allocates,
 * which organisation it refers to, which categories and purposes it names.
 */
public record DecisionRequest(Principal principal, Action action, Resource resource, Context context,
        ChangeTerms change) {

    public DecisionRequest {
        change = change == null ? ChangeTerms.NONE : change;
    }

    /** A read, a subscription or a delivery: nothing is changed. */
    public DecisionRequest(Principal principal, Action action, Resource resource, Context context) {
        this(principal, action, resource, context, ChangeTerms.NONE);
    }
}
