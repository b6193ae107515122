package org.interlock.gateway.federation.requests;

import java.util.List;

import org.interlock.contracts.PersonReference;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An officer's request for information to a peer, as posted.
 *
 * @param peer          the peer asked (an anchored peer id)
 * @param person        the person asked about, {@code urn:interlock:person:<uuid>}
 * @param purpose       one of the policy's purposes
 * @param urgency       {@code urgent} or {@code not-urgent}
 * @param justification why the information is needed (Directive (EU) 2023/977 art. 4(3)); required
 * @param categories    categories of information asked for (the policy's names)
 * @param questions     free-text questions; a request asks at least one category or question
 */
@Schema(name = "InformationRequestForm")
public record RequestForm(@Schema(required = true, example = "nl") String peer,
                          @Schema(required = true, pattern = PersonReference.REGEX) String person,
                          @Schema(required = true, example = "public-protection") String purpose,
                          @Schema(required = true, enumeration = {"urgent", "not-urgent"}) String urgency,
                          @Schema(required = true, minLength = 1, maxLength = RequestChecks.MAX_TEXT)
                          String justification,
                          @Schema(maxItems = RequestChecks.MAX_ITEMS) List<String> categories,
                          @Schema(maxItems = RequestChecks.MAX_ITEMS) List<String> questions) {
}
