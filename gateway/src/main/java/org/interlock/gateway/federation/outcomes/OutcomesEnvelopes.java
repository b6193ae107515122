package org.interlock.gateway.federation.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlock.federation.conditions.HandlingConditions;
import org.interlock.federation.envelope.EnvelopeContent;
import org.interlock.federation.envelope.EnvelopeTypes;
import org.interlock.federation.outcomes.OutcomeCount;
import org.interlock.federation.outcomes.PublishedCell;
import org.interlock.federation.outcomes.SmallCellSuppression;

/**
 * The {@code OUTCOMES} envelope: a CloudEvent about no person (its subject is {@code outcomes/<period>}, as every
 * Interlock event has one) whose data is the period and its cells, each
 * {@code {"interventionType", "outcome", "count"}} or, suppressed, {@code {"interventionType", "outcome",
 * "suppressed": true}}: a suppressed cell never carries a number. Read back strictly: anything else is refused.
 */
final class OutcomesEnvelopes {

    /** More rows than any catalogue of intervention types has; beyond it the table is not one. */
    static final int MAX_CELLS = 2_000;
    /** How far back a peer's table may go. */
    static final int MAX_AGE_YEARS = 10;
    /** The subject of an outcomes event, before its period: never a person. */
    static final String SUBJECT = "outcomes/";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> DATA = Set.of("period", "cells");
    private static final Set<String> SHOWN = Set.of("interventionType", "outcome", "count");
    private static final Set<String> HIDDEN = Set.of("interventionType", "outcome", "suppressed");

    /** A peer's table as received: its period, when it was published, its cells. */
    record PeerTable(Period period, Instant publishedAt, List<PublishedCell> cells) {
    }

    private OutcomesEnvelopes() {
    }

    static EnvelopeContent outcomes(String self, Period period, List<PublishedCell> cells, Instant at) {
        ObjectNode event = JSON.objectNode()
                .put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString())
                .put("source", "/federation/" + self)
                .put("type", EnvelopeTypes.OUTCOMES)
                .put("subject", SUBJECT + period.code())
                .put("time", at.toString())
                .put("datacontenttype", "application/json");
        ObjectNode data = event.putObject("data");
        data.put("period", period.code());
        data.set("cells", cells(cells));
        // Aggregates name nobody, but what a peer does with them is still the originator's to say: nothing onward.
        return new EnvelopeContent(event, HandlingConditions.NO_DISSEMINATION, Optional.empty());
    }

    /** The cells as they are sent and kept: a suppressed one says so and carries no number. */
    static ArrayNode cells(List<PublishedCell> cells) {
        ArrayNode array = JSON.arrayNode();
        for (PublishedCell cell : cells) {
            ObjectNode written = array.addObject().put("interventionType", cell.interventionType())
                    .put("outcome", cell.outcome());
            if (cell.isSuppressed()) {
                written.put("suppressed", true);
            } else {
                written.put("count", cell.count().getAsLong());
            }
        }
        return array;
    }

    /** @throws IllegalArgumentException naming what is wrong, never a value */
    static PeerTable read(ObjectNode event) {
        JsonNode data = event.path("data");
        require(data.isObject() && keys(data).equals(DATA), "the data is the period and the cells");
        Period period = Period.parse(data.path("period").asText(null))
                .orElseThrow(() -> new IllegalArgumentException("the period is a quarter or a month"));
        LocalDate today = OutcomesPublisher.today();
        // Only what a deployment publishes: an ended period, and not one from before any deployment kept outcomes;
        // the rest would only fill this side's tables.
        require(period.endedBefore(today.plusDays(1)) && !period.from().isBefore(today.minusYears(MAX_AGE_YEARS)),
                "the period has ended, within the last " + MAX_AGE_YEARS + " years");
        require((SUBJECT + period.code()).equals(event.path("subject").asText()),
                "the subject is outcomes/<period>, never a person");
        Instant published;
        try {
            published = Instant.parse(event.path("time").asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the event has a time of publication");
        }
        JsonNode cells = data.path("cells");
        require(cells.isArray() && cells.size() <= MAX_CELLS, "the cells are a list of at most " + MAX_CELLS);
        List<PublishedCell> read = new ArrayList<>(cells.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode cell : cells) {
            PublishedCell taken = cell(cell, period);
            require(seen.add(taken.interventionType() + "|" + taken.outcome()), "a cell is given twice");
            read.add(taken);
        }
        return new PeerTable(period, published, read);
    }

    private static PublishedCell cell(JsonNode cell, Period period) {
        require(cell.isObject(), "a cell is an object");
        Set<String> keys = keys(cell);
        require(keys.equals(SHOWN) || keys.equals(HIDDEN), "a cell has a count or is suppressed, nothing else");
        JsonNode type = cell.path("interventionType");
        JsonNode outcome = cell.path("outcome");
        require(type.isTextual() && outcome.isTextual(), "a cell names its intervention type and outcome");
        if (keys.equals(HIDDEN)) {
            require(cell.path("suppressed").booleanValue(), "a suppressed cell says suppressed: true");
            // The OutcomeCount checks the names; the zero is never kept.
            OutcomeCount checked = new OutcomeCount(type.asText(), period.code(), outcome.asText(), 0);
            return new PublishedCell(checked.interventionType(), period.code(), checked.outcome(),
                    OptionalLong.empty());
        }
        JsonNode count = cell.path("count");
        require(count.isIntegralNumber() && count.canConvertToLong(), "a count is a whole number");
        // No deployment publishes a count from 1 to below the lowest minimum: one that does singles someone out.
        require(count.longValue() == 0 || count.longValue() >= SmallCellSuppression.LOWEST_MINIMUM,
                "a count shown is 0 or at least " + SmallCellSuppression.LOWEST_MINIMUM);
        OutcomeCount checked = new OutcomeCount(type.asText(), period.code(), outcome.asText(), count.longValue());
        return new PublishedCell(checked.interventionType(), period.code(), checked.outcome(),
                OptionalLong.of(checked.count()));
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new HashSet<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            keys.add(names.next());
        }
        return keys;
    }

    private static void require(boolean holds, String what) {
        if (!holds) {
            throw new IllegalArgumentException(what);
        }
    }
}
