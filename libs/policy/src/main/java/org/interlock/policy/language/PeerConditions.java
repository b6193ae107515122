package org.interlock.policy.language;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What an agreement to a federation peer lets the peer do with what it receives: the originator's handling
 * conditions, sent inside every envelope released under the agreement (ADR 0021). By default nothing goes on:
 * no recipient is named and every onward release needs a permission asked of this deployment.
 *
 * @param onwardTo  recipients on the peer's side (its agency or organisation ids) it may pass an item on to
 * @param askFirst  when true, even those need a permission recorded from this deployment, per release
 * @param keepFor   how long the peer may hold an item from its release, if limited
 */
public record PeerConditions(Set<String> onwardTo, boolean askFirst, Optional<Duration> keepFor) {

    /** The strictest conditions, an agreement's default: nothing goes on without asking, kept as the peer's law says. */
    public static final PeerConditions ASK_FIRST = new PeerConditions(Set.of(), true, Optional.empty());

    public PeerConditions {
        onwardTo = Set.copyOf(onwardTo);
        for (String recipient : onwardTo) {
            if (!Recipient.namedInConditions(recipient)) {
                throw new IllegalArgumentException("onwardTo '" + recipient + "' is not a recipient id"
                        + " (lower-case letters, digits and dashes, optionally prefixed org: or federation:)");
            }
        }
        if (keepFor.isPresent() && !keepFor.get().isPositive()) {
            throw new IllegalArgumentException("keepFor must be a positive duration");
        }
    }
}
