package org.interlock.gateway.enforcement;

import static org.interlock.contracts.Classification.OFFICIAL;
import static org.interlock.contracts.Classification.OFFICIAL_SENSITIVE;
import static org.interlock.contracts.Classification.SECRET;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.interlock.policy.Resource;

/**
 * What each agency API path holds, in the terms policy decides on: its sharing category and
 * classification, and where a record names its person and handling code. A path not listed here
 * is not reachable through the gateway at all.
 */
public final class ResourceCatalogue {

    /** One kind of record behind a path pattern (relative to the service's /api/v1/). */
    record Entry(Agency agency, Pattern path, String category, Classification classification, String handlingField) {

        Resource describe(JsonNode record, String type) {
            String person = record == null ? null : textOrNull(record.path("person"));
            String handling = handlingField == null || record == null ? null : textOrNull(record.path(handlingField));
            String owningOrg = agency == Agency.PARTNERS && record != null ? textOrNull(record.path("organisation")) : null;
            return new Resource(agency, categoryOf(record), classification, handling, person, type, owningOrg);
        }

        private String categoryOf(JsonNode record) {
            // A partner's concern is more sensitive than its other activity, as in its events.
            if ("partner.activity".equals(category) && record != null
                    && "CONCERN_RAISED".equals(record.path("kind").asText())) {
                return "partner.concern";
            }
            return category;
        }
    }

    private static final String ID = "[^/]+";

    private static final List<Entry> ENTRIES = List.of(
            entry(Agency.PRISONS, "custody-episodes(/" + ID + ")?(/.*)?", "custody.release", OFFICIAL_SENSITIVE, null),
            entry(Agency.PRISONS, "incidents(/" + ID + ")?", "custody.incident", OFFICIAL_SENSITIVE, null),
            entry(Agency.PRISONS, "risk-assessments(/" + ID + ")?", "risk.assessment", OFFICIAL_SENSITIVE, null),
            entry(Agency.PROBATION, "supervision-cases/" + ID + "/licence-conditions", "licence.conditions", OFFICIAL_SENSITIVE, null),
            entry(Agency.PROBATION, "supervision-cases/" + ID + "/appointments", "supervision.appointment", OFFICIAL, null),
            entry(Agency.PROBATION, "supervision-cases(/" + ID + ")?(/(mappa|breaches|recall|close))?", "supervision.case", OFFICIAL_SENSITIVE, null),
            entry(Agency.INTELLIGENCE, "reports(/" + ID + ")?(/sanitised-summary)?", "intel.report", SECRET, "handlingCode"),
            entry(Agency.INTELLIGENCE, "threat-flags(/" + ID + ")?(/clear)?", "intel.threat", SECRET, null),
            entry(Agency.PARTNERS, "consents(/" + ID + ")?(/withdraw)?", "consent", OFFICIAL, null),
            entry(Agency.PARTNERS, "activities", "partner.activity", OFFICIAL, null),
            entry(Agency.PARTNERS, "organisations(/" + ID + ")?(/(suspend|reinstate))?", "partner.organisation", OFFICIAL, null),
            // What the exchange delivered to an organisation: its own staff's to read, nobody else's.
            entry(Agency.PARTNERS, "received-events", "partner.received", OFFICIAL, null),
            // Allocations exist in every service and share one category.
            allocations(Agency.PRISONS), allocations(Agency.PROBATION), allocations(Agency.INTELLIGENCE),
            allocations(Agency.PARTNERS));

    private ResourceCatalogue() {
    }

    public static Optional<Entry> find(Agency agency, String path) {
        return ENTRIES.stream()
                .filter(e -> e.agency() == agency && e.path().matcher(path).matches())
                .findFirst();
    }

    /** For a path below an existing record ({@code consents/42/withdraw}), that record's path ({@code consents/42}). */
    public static Optional<String> recordPath(String path) {
        String[] segments = path.split("/");
        return segments.length >= 3 ? Optional.of(segments[0] + "/" + segments[1]) : Optional.empty();
    }

    private static Entry allocations(Agency agency) {
        return entry(agency, "allocations(/" + ID + ")?(/end)?", "allocation", OFFICIAL, null);
    }

    private static Entry entry(Agency agency, String path, String category, Classification classification,
            String handlingField) {
        return new Entry(agency, Pattern.compile(path), category, classification, handlingField);
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
