package org.interlock.gateway.federation.requests;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The single point of contact's answer to a peer's request for information, as posted.
 *
 * @param outcome    {@code answered}, {@code partly-answered} or {@code refused}
 * @param released   the parts to release, each one category of one agency's information; the disclosure point
 *                   decides each, and what it refuses is withheld as {@code not-permitted}
 * @param refused    the parts refused, each with a code of Directive (EU) 2023/977 art. 6(1) (ADR 0021)
 * @param conditions the handling conditions the requester must keep; absent, the strictest
 */
@Schema(name = "InformationAnswerForm")
public record AnswerForm(
        @Schema(required = true, enumeration = {"answered", "partly-answered", "refused"}) String outcome,
        @Schema(maxItems = RequestChecks.MAX_ITEMS) List<Part> released,
        List<Refusal> refused,
        Conditions conditions) {

    /** One part to release: whose information ({@code agency}), its category, and its facts (a JSON object). */
    @Schema(name = "InformationAnswerPart")
    public record Part(
            @Schema(required = true, enumeration = {"prisons", "probation", "intelligence", "partners"}) String agency,
            @Schema(required = true) String category,
            @Schema(required = true, type = SchemaType.OBJECT) JsonNode content) {
    }

    /** One part refused: the category (absent when the whole request is refused) and the code. */
    @Schema(name = "InformationAnswerRefusal")
    public record Refusal(String category,
            @Schema(required = true, enumeration = {"not-available", "request-incomplete",
                    "judicial-authorisation-refused", "personal-data-category", "inaccurate-or-outdated",
                    "national-security", "ongoing-investigation", "individual-safety", "legal-person-interests",
                    "minor-offence", "not-an-offence", "third-party-origin"}) String reason) {
    }

    /** What the requester may do with the answer: pass it to whom, only with permission, until when. */
    @Schema(name = "InformationAnswerConditions")
    public record Conditions(List<String> disseminateTo,
            @Schema(description = "Absent: true, nothing passes on without the originator's permission")
            Boolean requiresOriginatorPermission,
            @Schema(format = "date-time") String expiresAt) {
    }
}
