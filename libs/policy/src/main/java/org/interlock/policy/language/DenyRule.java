package org.interlock.policy.language;

import java.util.List;
import java.util.Set;

import org.interlock.contracts.Agency;
import org.interlock.policy.Action;
import org.interlock.policy.DecisionRequest;
import org.interlock.policy.Principal;

/**
 * An explicit prohibition. It overrides every permit, the owning agency's and break-glass
 * included, so that "never intelligence reports to partners" holds whatever agreements say.
 *
 * @param from       the origin agency; null for any
 * @param to         who is refused; empty for everyone
 * @param categories what is refused
 * @param purposes   for which purposes; empty for any
 * @param actions    which actions; empty for any
 * @param reason     why, in words, for the trail
 */
public record DenyRule(String id, Agency from, List<Recipient> to, List<CategoryPattern> categories,
        Set<String> purposes, Set<Action> actions, String reason) {

    public DenyRule {
        to = List.copyOf(to);
        categories = List.copyOf(categories);
        purposes = Set.copyOf(purposes);
        actions = Set.copyOf(actions);
    }

    public boolean matches(DecisionRequest request) {
        return (from == null || from == request.resource().origin())
                && (to.isEmpty() || anyRecipient(request))
                && anyCategory(request.resource().category())
                && (purposes.isEmpty() || purposes.contains(request.context().purpose()))
                && (actions.isEmpty() || actions.contains(request.action()));
    }

    /** Whether the rule names this recipient for this category from this origin, whatever the purpose or action. */
    public boolean aimsAt(Agency origin, Principal recipient, String category) {
        return (from == null || from == origin) && (to.isEmpty() || anyRecipient(recipient)) && anyCategory(category);
    }

    private boolean anyRecipient(DecisionRequest request) {
        return anyRecipient(request.principal());
    }

    private boolean anyRecipient(Principal principal) {
        for (Recipient recipient : to) {
            if (recipient.matches(principal)) {
                return true;
            }
        }
        return false;
    }

    private boolean anyCategory(String category) {
        for (CategoryPattern pattern : categories) {
            if (pattern.matches(category)) {
                return true;
            }
        }
        return false;
    }
}
