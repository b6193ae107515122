package org.interlock.gateway.disclosure;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one channel showed of one case, in the terms the three must agree on: the content the
 * reader received (null: nothing), the classification it was released as (not told over REST),
 * and the audit records of the decision about this record or event for this reader.
 */
record Observed(JsonNode released, String releasedAs, List<Grounds> recorded) {

    Observed {
        recorded = List.copyOf(recorded);
    }

    /**
     * One audit record, as far as the channels must agree: outcome and reason, the agreement and
     * consent cited, the category decided and the paths withheld (sorted).
     */
    record Grounds(String outcome, String reason, String agreement, String consent, String category,
            List<String> withheld) {

        Grounds {
            withheld = withheld.stream().sorted().toList();
        }

        static Grounds of(JsonNode record) {
            List<String> withheld = new ArrayList<>();
            record.path("redactedFields").forEach(path -> withheld.add(path.asText()));
            return new Grounds(record.path("decision").path("outcome").asText(null),
                    record.path("decision").path("reason").asText(null), record.path("agreement").asText(null),
                    record.path("consent").asText(null), record.path("resource").path("category").asText(null),
                    withheld);
        }
    }
}
