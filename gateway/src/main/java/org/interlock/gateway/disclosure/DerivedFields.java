package org.interlock.gateway.disclosure;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A field that repeats others leaves only with them. An assessment's {@code changes} name each
 * rating's old and new value: released beside a withheld rating, they would give the rating away.
 * Whatever withheld a source (a projection that left it out, a redaction of it or of anything in
 * it), the field that repeats it is withheld too, and the audit record names it as withheld. The
 * catalogue says which fields repeat which ({@code derived}); policy authors need not remember.
 */
final class DerivedFields {

    private DerivedFields() {
    }

    /**
     * What may leave of {@code released} once every derived field whose sources did not all leave
     * whole is taken out.
     *
     * @param facts    the facet's facts as held
     * @param released what the permit's obligations let leave of them
     * @param derived  each derived field and the fields it repeats
     */
    static JsonNode withhold(JsonNode facts, JsonNode released, Map<String, List<String>> derived) {
        if (derived.isEmpty() || !(released instanceof ObjectNode visible) || facts == null || !facts.isObject()) {
            return released;
        }
        ObjectNode result = visible;
        for (Map.Entry<String, List<String>> field : derived.entrySet()) {
            if (visible.has(field.getKey()) && !allReleased(facts, visible, field.getValue())) {
                if (result == facts) {
                    result = visible.deepCopy();
                }
                result.remove(field.getKey());
            }
        }
        return result;
    }

    private static boolean allReleased(JsonNode facts, ObjectNode released, List<String> sources) {
        for (String source : sources) {
            JsonNode held = facts.get(source);
            if (held != null && !held.equals(released.get(source))) {
                return false;
            }
        }
        return true;
    }
}
