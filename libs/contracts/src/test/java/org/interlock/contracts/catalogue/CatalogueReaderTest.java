package org.interlock.contracts.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.interlock.contracts.Agency;
import org.interlock.contracts.Classification;
import org.junit.jupiter.api.Test;

class CatalogueReaderTest {

    private static final String SHARED = """
            categories:
              allocation: {classification: official, fields: [id, person, staff]}
            records:
              allocation: {facets: [allocation]}
            operations:
              - {get: "allocations/{id:uuid}", record: allocation}
            events:
              org.interlock.{agency}.allocation.started.v1: allocation
            """;

    private static final String PRISONS = """
            include: [allocations]
            categories:
              custody.reception: {classification: official-sensitive, fields: [id, person, prisonNumber]}
              custody.release: {classification: official-sensitive, fields: [id, person, releaseDate]}
            records:
              custody-episode:
                facets:
                  - custody.reception
                  - {category: custody.release, when: {present: [releaseDate]}}
            operations:
              - {get: custody-episodes, query: {person: person}, record: custody-episode}
              - {get: "custody-episodes/{id:uuid}", record: custody-episode}
              - {put: "custody-episodes/{id:uuid}/release-date", record: custody-episode, category: custody.release,
                 decidedOn: "custody-episodes/{id:uuid}"}
            events:
              org.interlock.prisons.custody.release-date-set.v1: custody.release
            """;

    private static Catalogue read(String prisons) {
        return CatalogueReader.read(Agency.PRISONS, name -> switch (name) {
            case "prisons" -> Optional.of(prisons);
            case "allocations" -> Optional.of(SHARED);
            default -> Optional.empty();
        });
    }

    @Test
    void aCatalogueAndItsIncludesReadAsOne() {
        Catalogue catalogue = read(PRISONS);

        assertEquals(3, catalogue.categories().size());
        assertEquals("allocation", catalogue.categoryOfEvent("org.interlock.prisons.allocation.started.v1").orElseThrow().name());
        assertEquals(Classification.OFFICIAL_SENSITIVE, catalogue.categories().get("custody.release").classification());
        assertEquals("person", catalogue.categories().get("custody.release").personField());
    }

    @Test
    void operationsMatchPlainSegmentsAndTypedParameters() {
        Catalogue catalogue = read(PRISONS);
        String id = "0b5f5c2e-8f6a-4c1e-9d8e-2c1f0a3b4c5d";

        var match = catalogue.match("PUT", List.of("custody-episodes", id, "release-date")).orElseThrow();

        assertEquals(Map.of("id", id), match.params());
        assertEquals("custody.release", match.operation().category().name());
        assertEquals("custody-episodes/" + id, match.operation().decidedOn().expand(match.params()));
        assertTrue(catalogue.match("GET", List.of("custody-episodes", "not-a-uuid")).isEmpty());
        assertTrue(catalogue.match("DELETE", List.of("custody-episodes", id)).isEmpty());
        assertTrue(catalogue.match("GET", List.of("custody-episodes", id, "extra")).isEmpty());
    }

    @Test
    void aFacetHoldsOnlyWhenItsConditionDoes() throws Exception {
        RecordKind episode = read(PRISONS).records().get("custody-episode");
        ObjectMapper json = new ObjectMapper();

        assertEquals(List.of("custody.reception"), names(episode.categoriesOf(json.readTree(
                "{\"id\":\"1\",\"person\":\"p\",\"releaseDate\":null}"))));
        assertEquals(List.of("custody.reception", "custody.release"), names(episode.categoriesOf(json.readTree(
                "{\"id\":\"1\",\"person\":\"p\",\"releaseDate\":\"2026-01-01\"}"))));
        assertEquals(List.of(), names(episode.categoriesOf(json.readTree("[1,2]"))));
    }

    @Test
    void aCatalogueThatRefersToWhatItDoesNotDeclareDoesNotLoad() {
        assertProblem(PRISONS.replace("facets:\n      - custody.reception", "facets:\n      - custody.transfer"),
                "undeclared category 'custody.transfer'");
        assertProblem(PRISONS.replace("record: custody-episode}\n  - {get: \"custody-episodes/{id:uuid}\"",
                "record: episode}\n  - {get: \"custody-episodes/{id:uuid}\""), "undeclared record 'episode'");
        assertProblem(PRISONS.replace("{id:uuid}\", record", "{id:uid}\", record"), "unknown parameter type 'uid'");
        assertProblem(PRISONS.replace("custody-episodes, query", "custody-episodes/../x, query"), "bad path segment '..'");
        assertProblem(PRISONS.replace("org.interlock.prisons.custody", "org.interlock.probation.custody"),
                "is not an event type of prisons");
        assertProblem(PRISONS.replace("fields: [id, person, releaseDate]", "fields: [id, person, id]"),
                "names a field twice");
        assertProblem(PRISONS.replace("decidedOn: \"custody-episodes/{id:uuid}\"", "decidedOn: \"custody-episodes/{id:uuid}/history\""),
                "decides on custody-episodes/{id:uuid}/history, which is no read");
    }

    @Test
    void aDerivedFieldNamesTheFieldsItRepeatsAndAllAreTheCategorysOwn() {
        String derived = PRISONS.replace("fields: [id, person, releaseDate]}",
                "fields: [id, person, releaseDate, changes],\n    derived: {changes: [releaseDate]}}");

        assertEquals(Map.of("changes", List.of("releaseDate")),
                read(derived).categories().get("custody.release").derived());
        assertEquals(Map.of(), read(PRISONS).categories().get("custody.release").derived());
        assertProblem(derived.replace("derived: {changes: [releaseDate]}", "derived: {history: [releaseDate]}"),
                "derives a field it does not hold: history");
        assertProblem(derived.replace("derived: {changes: [releaseDate]}", "derived: {changes: [prisonNumber]}"),
                "derives changes from a field it does not hold");
        assertProblem(derived.replace("derived: {changes: [releaseDate]}", "derived: {changes: []}"),
                "derives changes from nothing");
        assertProblem(derived.replace("derived: {changes: [releaseDate]}", "derived: {changes: [changes]}"),
                "derives changes from itself");
    }

    private static void assertProblem(String prisons, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(prisons));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    private static List<String> names(List<Category> categories) {
        return categories.stream().map(Category::name).toList();
    }
}
