package org.interlock.policy.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.interlock.contracts.Classification;
import org.interlock.policy.Permit;
import org.interlock.policy.ReleasedFields;

class RedactorPropertiesTest {

    private static final List<String> NAMES = List.of("a", "b", "details", "kind");
    private static final Configuration READ = Configuration.builder().jsonProvider(new JacksonJsonNodeJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .options(Option.SUPPRESS_EXCEPTIONS, Option.ALWAYS_RETURN_LIST).build();
    private final Redactor redactor = new Redactor();

    /** Records nest at most this deep: an unbounded recursive generator can grow a tree that fills the heap. */
    private static final int MAX_DEPTH = 4;

    @Provide
    Arbitrary<JsonNode> records() {
        return records(MAX_DEPTH);
    }

    private static Arbitrary<JsonNode> records(int depth) {
        Arbitrary<JsonNode> number = Arbitraries.integers().between(0, 9)
                .map(i -> (JsonNode) JsonNodeFactory.instance.numberNode(i));
        Arbitrary<JsonNode> text = Arbitraries.of("x", "y").map(s -> (JsonNode) JsonNodeFactory.instance.textNode(s));
        if (depth == 0) {
            return Arbitraries.oneOf(number, text);
        }
        Arbitrary<JsonNode> child = records(depth - 1);
        return Arbitraries.oneOf(number, text,
                child.list().ofMaxSize(3).map(RedactorPropertiesTest::array),
                Arbitraries.maps(Arbitraries.of(NAMES), child).ofMaxSize(3).map(RedactorPropertiesTest::object));
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> name = Arbitraries.of(NAMES);
        return Arbitraries.oneOf(name.map(n -> "$." + n), name.map(n -> "$.." + n),
                Arbitraries.of(NAMES).tuple2().map(t -> "$." + t.get1() + "[*]." + t.get2()),
                Arbitraries.of(NAMES).tuple2().map(t -> "$." + t.get1() + "." + t.get2()));
    }

    private static JsonNode array(List<JsonNode> items) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        items.forEach(array::add);
        return array;
    }

    private static JsonNode object(java.util.Map<String, JsonNode> fields) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        fields.forEach(object::set);
        return object;
    }

    @Property(tries = 300)
    void afterRedactionThePathMatchesNothingAndTheOriginalIsUntouched(@ForAll("records") JsonNode record,
            @ForAll("paths") String path) {
        JsonNode before = record.deepCopy();

        JsonNode released = redactor.release(new Permit("a", null, List.of(path), ReleasedFields.WHOLE,
                Classification.OFFICIAL, false, "v", List.of()), record);

        assertEquals(before, record);
        if (released.isContainerNode()) {
            JsonNode left = JsonPath.compile(path).read(released, READ);
            assertTrue(left == null || left.isEmpty(), path + " still matches in " + released);
        }
    }
}
