package org.interlock.people.link;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@code person.unmerged.v1}: the merge is undone. Each of {@code people} resolves to
 * {@code restored} again ({@code restored} to itself), exactly as before the merge; {@code survivor}
 * keeps everyone else.
 */
public record PersonUnmerged(UUID merge, String survivor, String restored, List<String> people, String reason,
        String decidedBy, OffsetDateTime unmergedAt) {
}
