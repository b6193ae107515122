package org.interlock.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReleasedFieldsTest {

    @Test
    void wholeRecordIntersectedWithAWhitelistIsTheWhitelist() {
        assertEquals(List.of("$.a", "$.b.c"), ReleasedFields.intersect(ReleasedFields.WHOLE, List.of("$.b.c", "$.a")));
    }

    @Test
    void enclosingPathIntersectedWithANestedOneIsTheNestedOne() {
        assertEquals(List.of("$.a.b"), ReleasedFields.intersect(List.of("$.a"), List.of("$.a.b", "$.c")));
    }

    @Test
    void disjointWhitelistsReleaseNothing() {
        assertEquals(List.of(), ReleasedFields.intersect(List.of("$.a"), List.of("$.b")));
    }

    @Test
    void siblingWithACommonPrefixIsNotEnclosed() {
        assertFalse(ReleasedFields.encloses("$.a", "$.ab"));
        assertTrue(ReleasedFields.encloses("$.a", "$.a.b"));
    }

    @Test
    void onlyPlainDottedPathsAreWhitelistPaths() {
        assertTrue(ReleasedFields.isValid("$.releaseDate"));
        assertFalse(ReleasedFields.isValid("$..details"));
        assertFalse(ReleasedFields.isValid("$.a[*].b"));
    }
}
