package org.interlock.people.link;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@code person.merged.v1}: from now on each of {@code people} ({@code merged} and every reference
 * that resolved to it) resolves to {@code survivor}. Nothing any agency recorded changes: the gateway
 * reads a merged reference as the survivor (ADR 0014).
 *
 * @param score the match score for an automatic link; null for a shared identifier or a confirmation
 */
public record PersonMerged(UUID merge, String survivor, String merged, List<String> people, String reason,
        Double score, String decidedBy, OffsetDateTime mergedAt) {
}
