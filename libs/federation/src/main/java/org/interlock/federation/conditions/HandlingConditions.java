package org.interlock.federation.conditions;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the originator allows the receiving deployment to do with an item, carried inside the signed envelope so
 * that nobody on the way or on the receiving side can widen it.
 *
 * @param disseminateTo recipients on the receiving side (agency or partner organisation ids) the item may be
 *                      passed on to without asking; empty means none. A third deployment is a recipient like
 *                      any other ({@code federation:<peer>}), so it too needs to be listed or permitted.
 * @param requiresOriginatorPermission when true, every onward release, to listed recipients too, needs a
 *                      permission recorded from the originator
 * @param expiresAt     when the item stops being usable at all; after it the receiving side erases it
 */
public record HandlingConditions(Set<String> disseminateTo, boolean requiresOriginatorPermission,
                                 Optional<Instant> expiresAt) {

    /** The strictest conditions: nothing goes on without asking, and the item never expires by itself. */
    public static final HandlingConditions NO_DISSEMINATION = new HandlingConditions(Set.of(), true, Optional.empty());

    public HandlingConditions {
        disseminateTo = Set.copyOf(disseminateTo);
    }

    /** Whether the originator allowed {@code recipient} in advance, without a permission per release. */
    public boolean allowsInAdvance(String recipient) {
        return !requiresOriginatorPermission && disseminateTo.contains(recipient);
    }

    /**
     * Conditions no wider than these nor {@code other}: only recipients both allow, asking first if either asks,
     * expiring at the earlier expiry. What one releaser may add to an agreement's conditions is only this.
     */
    public HandlingConditions narrowedBy(HandlingConditions other) {
        Set<String> both = new TreeSet<>(disseminateTo);
        both.retainAll(other.disseminateTo);
        Optional<Instant> expiry = expiresAt.isEmpty() ? other.expiresAt : other.expiresAt.isEmpty() ? expiresAt
                : Optional.of(expiresAt.get().isBefore(other.expiresAt.get()) ? expiresAt.get() : other.expiresAt.get());
        return new HandlingConditions(both, requiresOriginatorPermission || other.requiresOriginatorPermission, expiry);
    }

    public boolean expiredAt(Instant now) {
        return expiresAt.map(expiry -> !now.isBefore(expiry)).orElse(false);
    }
}
