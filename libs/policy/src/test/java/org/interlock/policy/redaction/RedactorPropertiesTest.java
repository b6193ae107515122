package org.interlock.policy.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import org.interlock.contracts.Classification;
import org.interlock.policy.Permit;
import org.interlock.policy.ReleasedFields;
import org.interlock.policy.redaction.JsonTreeWalk.Child;
import org.interlock.policy.redaction.JsonTreeWalk.Deep;
import org.interlock.policy.redaction.JsonTreeWalk.Every;
import org.interlock.policy.redaction.JsonTreeWalk.Step;

/**
 * The redactor against an oracle that shares nothing with it ({@link JsonTreeWalk}: no JSONPath),
 * on JSON objects, the only records the redactor applies obligations to. Each property also
 * requires that most of its cases had something to remove or release, so that it cannot pass by
 * generating records the paths never meet.
 */
class RedactorPropertiesTest {

    private static final List<String> NAMES = List.of("a", "b", "details", "kind");
    /** Records nest at most this deep: an unbounded recursive generator once filled a 2 GiB heap. */
    private static final int MAX_DEPTH = 4;

    private final Redactor redactor = new Redactor();

    @Property(tries = 500)
    void redactionRemovesExactlyWhatThePathsNameAndLeavesTheOriginalUntouched(@ForAll("records") ObjectNode record,
            @ForAll("redactionPaths") List<List<Step>> paths) {
        JsonNode before = record.deepCopy();
        JsonNode expected = record.deepCopy();
        paths.forEach(path -> JsonTreeWalk.remove(expected, path));

        JsonNode released = redactor.release(permit(paths.stream().map(JsonTreeWalk::jsonPath).toList(),
                ReleasedFields.WHOLE), record);

        assertEquals(expected, released, "redacting " + paths.stream().map(JsonTreeWalk::jsonPath).toList());
        assertEquals(before, record);
        Statistics.label("redaction").collect(expected.equals(record) ? "nothing to remove" : "removed something");
        Statistics.label("redaction").coverage(coverage -> {
            coverage.check("removed something").percentage(p -> p >= 30);
            coverage.check("nothing to remove").percentage(p -> p >= 5);
        });
    }

    @Property(tries = 500)
    void releasedPathsAreExactlyTheWhitelistedOnesPresentMinusTheRedactedOnes(@ForAll("projections") Projection projection) {
        ObjectNode record = projection.record();
        Set<String> whitelist = projection.whitelist();
        Set<String> redactions = projection.redactions();
        Permit permit = permit(List.copyOf(redactions), whitelist.stream().map(field -> "$." + field).sorted().toList());

        JsonNode released = redactor.release(permit, record);

        TreeSet<String> whitelisted = new TreeSet<>();
        TreeSet<String> expected = new TreeSet<>();
        for (String path : JsonTreeWalk.paths(record)) {
            if (whitelist.stream().anyMatch(field -> JsonTreeWalk.has(record, field) && releases(field, path))) {
                whitelisted.add(path);
                if (redactions.stream().noneMatch(redaction -> removes(redaction, path))) {
                    expected.add(path);
                }
            }
        }
        assertEquals(expected, JsonTreeWalk.paths(released), "whitelist " + whitelist + ", redactions " + redactions);
        Map<String, JsonNode> original = JsonTreeWalk.scalars(record);
        JsonTreeWalk.scalars(released).forEach((path, value) -> assertEquals(original.get(path), value, path));
        Statistics.label("whitelist").collect(whitelisted.isEmpty() ? "releases nothing" : "releases something");
        Statistics.label("redaction").collect(whitelisted.equals(expected) ? "removes nothing" : "removes something");
        Statistics.label("whitelist").coverage(coverage -> coverage.check("releases something").percentage(p -> p >= 40));
        Statistics.label("redaction").coverage(coverage -> coverage.check("removes something").percentage(p -> p >= 20));
    }

    /** A present whitelisted field releases itself, everything below it and the objects above it. */
    private static boolean releases(String field, String path) {
        return JsonTreeWalk.within(path, field) || field.startsWith(path + ".");
    }

    /** {@code $.a.b} removes that member and what is below it; {@code $..a} every member named a. */
    private static boolean removes(String redaction, String path) {
        return redaction.startsWith("$..") ? JsonTreeWalk.names(path).contains(redaction.substring(3))
                : JsonTreeWalk.within(path, redaction.substring(2));
    }

    private static Permit permit(List<String> redactions, List<String> fields) {
        return new Permit("a", null, redactions, fields, Classification.OFFICIAL, false, "v", List.of());
    }

    @Provide
    Arbitrary<ObjectNode> records() {
        return objects(MAX_DEPTH);
    }

    /** Objects nesting at most {@code depth} containers, this one included. */
    private static Arbitrary<ObjectNode> objects(int depth) {
        return Arbitraries.maps(Arbitraries.of(NAMES), values(depth - 1)).ofMaxSize(4)
                .map(RedactorPropertiesTest::object);
    }

    private static Arbitrary<JsonNode> values(int depth) {
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 9).map(i -> (JsonNode) JsonNodeFactory.instance.numberNode(i)),
                Arbitraries.of("x", "y").map(s -> (JsonNode) JsonNodeFactory.instance.textNode(s)),
                Arbitraries.just(JsonNodeFactory.instance.nullNode()));
        if (depth == 0) {
            return scalar;
        }
        return Arbitraries.frequencyOf(Tuple.of(3, scalar), Tuple.of(3, objects(depth).map(o -> (JsonNode) o)),
                Tuple.of(2, values(depth - 1).list().ofMaxSize(3).map(RedactorPropertiesTest::array)));
    }

    /** One to three paths of one to three steps: {@code .name}, {@code ..name}, {@code [*]} (not first). */
    @Provide
    Arbitrary<List<List<Step>>> redactionPaths() {
        Arbitrary<Step> first = Arbitraries.oneOf(Arbitraries.of(NAMES).map(Child::new),
                Arbitraries.of(NAMES).map(Deep::new));
        Arbitrary<Step> next = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(NAMES).map(Child::new)),
                Tuple.of(1, Arbitraries.of(NAMES).map(Deep::new)), Tuple.of(2, Arbitraries.just(new Every())));
        Arbitrary<List<Step>> path = first.flatMap(head -> next.list().ofMaxSize(2)
                .map(tail -> Stream.concat(Stream.of(head), tail.stream()).toList()));
        return path.list().ofMinSize(1).ofMaxSize(3);
    }

    /** A record, a whitelist and redactions, as a permit's would be: dotted fields without {@code $.}. */
    record Projection(ObjectNode record, Set<String> whitelist, Set<String> redactions) {
    }

    /**
     * Whitelists of one to three fields and up to two redactions, definite ({@code $.a.b}) or at any
     * depth ({@code $..a}); fields are mostly drawn from the record's own paths, so that most cases
     * release something and many redact some of it.
     */
    @Provide
    Arbitrary<Projection> projections() {
        return records().flatMap(record -> {
            List<String> present = JsonTreeWalk.paths(record).stream().filter(path -> !path.contains("[")).toList();
            Arbitrary<String> anyField = Arbitraries.of(NAMES).list().ofMinSize(1).ofMaxSize(3)
                    .map(names -> String.join(".", names));
            Arbitrary<String> field = present.isEmpty() ? anyField
                    : Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(present)), Tuple.of(1, anyField));
            Arbitrary<String> redaction = Arbitraries.oneOf(field.map(f -> "$." + f),
                    Arbitraries.of(NAMES).map(name -> "$.." + name));
            return Combinators.combine(field.set().ofMinSize(1).ofMaxSize(3), redaction.set().ofMaxSize(2))
                    .as((whitelist, redactions) -> new Projection(record, whitelist, redactions));
        });
    }

    private static ObjectNode object(Map<String, JsonNode> members) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        members.forEach(object::set);
        return object;
    }

    private static JsonNode array(List<JsonNode> items) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        items.forEach(array::add);
        return array;
    }
}
