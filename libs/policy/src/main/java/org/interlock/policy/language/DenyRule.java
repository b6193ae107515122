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
 * @param from            the origin agency; null for any
 * @param to              who is refused; empty for everyone
 * @param categories      what is refused
 * @param purposes        for which purposes; empty for any
 * @param actions         which actions; empty for any
 * @param roles           refuses only subjects holding one of these roles (an inbox holds none); empty for any
 * @param exceptAddressee spares whoever the record is addressed to ("only to whoever delivers it"), as
 *                        {@link Recipient#addressedTo} reads an addressee: a record addressed to nobody
 *                        spares nobody
 * @param reason          why, in words, for the trail
 */
public record DenyRule(String id, Agency from, List<Recipient> to, List<CategoryPattern> categories,
        Set<String> purposes, Set<Action> actions, Set<String> roles, boolean exceptAddressee, String reason) {

    public DenyRule {
        to = List.copyOf(to);
        categories = List.copyOf(categories);
        purposes = Set.copyOf(purposes);
        actions = Set.copyOf(actions);
        roles = Set.copyOf(roles);
    }

    /** A rule for every role, sparing no addressee. */
    public DenyRule(String id, Agency from, List<Recipient> to, List<CategoryPattern> categories,
            Set<String> purposes, Set<Action> actions, String reason) {
        this(id, from, to, categories, purposes, actions, Set.of(), false, reason);
    }

    public boolean matches(DecisionRequest request) {
        return (from == null || from == request.resource().origin())
                && (to.isEmpty() || anyRecipient(request.principal()))
                && (roles.isEmpty() || request.principal().holdsAnyOf(roles))
                && anyCategory(request.resource().category())
                && (purposes.isEmpty() || purposes.contains(request.context().purpose()))
                && (actions.isEmpty() || actions.contains(request.action()))
                && !(exceptAddressee && Recipient.addressedTo(request.resource().addressee(), request.principal()));
    }

    /**
     * Whether the rule names this recipient for this category from this origin, whatever the purpose,
     * the action or the addressee (a rule sparing the addressee still aims at everyone else).
     */
    public boolean aimsAt(Agency origin, Principal recipient, String category) {
        return (from == null || from == origin) && (to.isEmpty() || anyRecipient(recipient))
                && (roles.isEmpty() || recipient.holdsAnyOf(roles)) && anyCategory(category);
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
