package org.interlock.policy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.interlock.policy.views.PersonLinkRegister;
import org.junit.jupiter.api.Test;

class PersonLinkRegisterTest {

    private final PersonLinkRegister links = new PersonLinkRegister();

    @Test
    void aPersonLinkedToNobodyIsOnlyThemselves() {
        assertEquals(List.of("a"), links.identities("a"));
    }

    @Test
    void everyReferenceOfAMergedPersonAnswersWithAllOfThemItselfFirst() {
        links.merged("a", List.of("b", "c"));
        assertEquals(Set.of("a", "b", "c"), Set.copyOf(links.identities("b")));
        assertEquals("b", links.identities("b").getFirst());
        assertEquals("a", links.identities("a").getFirst());
    }

    @Test
    void aSurvivorMergedLaterBringsItsOwnMergedReferencesAlong() {
        links.merged("a", List.of("b"));
        links.merged("z", List.of("a"));
        assertEquals(Set.of("a", "b", "z"), Set.copyOf(links.identities("b")));
    }

    @Test
    void anUnmergeSeparatesOnlyWhatWasMergedIntoThatSurvivor() {
        links.merged("a", List.of("b", "c"));
        links.unmerged("a", List.of("b"));
        links.unmerged("x", List.of("c"));
        assertEquals(List.of("b"), links.identities("b"));
        assertEquals(Set.of("a", "c"), Set.copyOf(links.identities("a")));
    }

    @Test
    void aReferenceResolvingToItselfAgainIsAPersonOfItsOwn() {
        links.merged("a", List.of("b", "c"));
        links.resolves("c", "c");
        assertEquals(List.of("c"), links.identities("c"));
        assertEquals(Set.of("a", "b"), Set.copyOf(links.identities("b")));
    }

    @Test
    void whileAnUnmergeArrivesKeyByKeyThePersonIsAtMostTheUnionOfBeforeAndAfter() {
        links.merged("a", List.of("b"));
        links.resolves("a", "b");
        assertEquals(Set.of("a", "b"), Set.copyOf(links.identities("a")));
        links.resolves("b", "b");
        assertEquals(Set.of("a", "b"), Set.copyOf(links.identities("a")));
        assertEquals(List.of("b", "a"), links.identities("b"));
    }
}
