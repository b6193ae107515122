package org.interlock.gateway.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class DerivedFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, List<String>> CHANGES = Map.of("changes", List.of("engagement", "overall",
            "factors"));
    private static final JsonNode ASSESSMENT = json("""
            {"id":"a1","engagement":"HIGH","overall":"MODERATE",
             "factors":[{"factor":"grievance","rating":"HIGH"}],
             "changes":[{"domain":"engagement","from":"MODERATE","to":"HIGH"}]}""");

    @Test
    void changesLeaveWithTheRatingsTheyRepeat() {
        JsonNode released = ASSESSMENT.deepCopy();

        assertSame(released, DerivedFields.withhold(ASSESSMENT, released, CHANGES));
        assertEquals(ASSESSMENT, released);
    }

    @Test
    void aRedactedRatingTakesTheChangesWithIt() {
        ObjectNode released = ASSESSMENT.deepCopy();
        released.remove("engagement");

        JsonNode visible = DerivedFields.withhold(ASSESSMENT, released, CHANGES);

        assertEquals(json("""
                {"id":"a1","overall":"MODERATE","factors":[{"factor":"grievance","rating":"HIGH"}]}"""), visible);
    }

    @Test
    void aRatingRedactedInsideASourceTakesTheChangesWithIt() {
        ObjectNode released = ASSESSMENT.deepCopy();
        ((ObjectNode) released.get("factors").get(0)).remove("rating");

        assertEquals(false, DerivedFields.withhold(ASSESSMENT, released, CHANGES).has("changes"));
    }

    @Test
    void aSourceTheRecordDoesNotHoldWithholdsNothing() {
        ObjectNode held = ASSESSMENT.deepCopy();
        held.remove("factors");
        JsonNode released = held.deepCopy();

        assertEquals(held, DerivedFields.withhold(held, released, CHANGES));
    }

    @Test
    void theRecordAsHeldIsNeverChanged() {
        JsonNode held = ASSESSMENT.deepCopy();

        DerivedFields.withhold(held, held, Map.of("changes", List.of("absent")));
        ObjectNode released = held.deepCopy();
        released.remove("overall");
        DerivedFields.withhold(held, released, CHANGES);

        assertEquals(ASSESSMENT, held);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
