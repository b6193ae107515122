package org.interlock.people.identity;

import java.util.List;
import java.util.UUID;

/**
 * What became of an assertion.
 *
 * @param person the reference the identity was filed under
 * @param resolvesTo who that reference is now: itself, or the person it was merged into
 * @param outcome LINKED (already that person), PROPOSED (review items wait for an identity manager),
 *                UNMATCHED; never a merge, which only an identity manager makes
 * @param reviews the review items it raised
 */
public record AssertionView(UUID record, String person, String resolvesTo, String outcome, List<UUID> reviews) implements AssertionOutcome {
}
