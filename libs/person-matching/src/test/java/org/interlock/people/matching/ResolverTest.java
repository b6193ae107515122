package org.interlock.people.matching;

import static org.interlock.people.matching.Records.named;
import static org.interlock.people.matching.Records.withAlias;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;

import org.interlock.people.identifier.Identifier;
import org.interlock.people.matching.Resolution.LinkReason;
import org.junit.jupiter.api.Test;

class ResolverTest {

    private final InMemoryPersonIndex index = new InMemoryPersonIndex(MatchThresholds.DEFAULT);

    @Test
    void sameStrongIdentifierLinksWhateverTheNames() {
        IdentityRecord prison = named("John", "Smith", "1985-07-12", "prison-number:A1234BC");
        IdentityRecord event = named(null, null, null, "prison-number:A1234BC");
        index.assertIdentity(prison);

        Resolution.Linked linked = assertInstanceOf(Resolution.Linked.class, index.assertIdentity(event));

        assertEquals(new Resolution.Linked(prison.person(), List.of(event.person()), LinkReason.SAME_IDENTIFIER, 1.0), linked);
        assertEquals(prison.person(), index.lookup(Identifier.parse("prison-number:A1234BC")).orElseThrow());
    }

    @Test
    void misspeltNameWithTheSameDateOfBirthLinksAutomatically() {
        IdentityRecord prison = named("Jonathan", "Whitfield", "1985-07-12", "prison-number:A1234BC");
        IdentityRecord probation = named("Jonathon", "Whitfeild", "1985-07-12", "crn:X123456");
        index.assertIdentity(prison);

        Resolution.Linked linked = assertInstanceOf(Resolution.Linked.class, index.assertIdentity(probation));

        assertEquals(LinkReason.AUTOMATIC_MATCH, linked.reason());
        assertEquals(prison.person(), linked.survivor());
        assertEquals(prison.person(), index.lookup(Identifier.parse("crn:X123456")).orElseThrow());
    }

    @Test
    void nameOrderSwappedAndDayMonthSwappedIsStillLinkedAutomatically() {
        IdentityRecord prison = named("Ahmed", "Rashid", "1990-03-04", "prison-number:A1234BC");
        IdentityRecord probation = named("Rashid", "Ahmed", "1990-04-03", "crn:X123456");
        index.assertIdentity(prison);

        Resolution.Linked linked = assertInstanceOf(Resolution.Linked.class, index.assertIdentity(probation));

        assertEquals(LinkReason.AUTOMATIC_MATCH, linked.reason());
        assertEquals(prison.person(), linked.survivor());
    }

    @Test
    void aDateOfBirthOneDigitOffIsOnlyACandidateEvenWithTheSameName() {
        IdentityRecord prison = named("Ahmed", "Rashid", "1990-03-04", "prison-number:A1234BC");
        IdentityRecord probation = named("Ahmed", "Rashid", "1990-03-07", "crn:X123456");
        index.assertIdentity(prison);

        Resolution.Proposed proposed = assertInstanceOf(Resolution.Proposed.class, index.assertIdentity(probation));

        assertEquals(prison.person(), proposed.candidates().getFirst().person());
    }

    @Test
    void twoDifferentPeopleWithSimilarNamesAndTheSameDateOfBirthAreNotLinkedAutomatically() {
        IdentityRecord john = named("John", "Smith", "1985-07-12", "prison-number:A1234BC");
        IdentityRecord joan = named("Joan", "Smith", "1985-07-12", "crn:X123456");
        index.assertIdentity(john);

        Resolution resolution = index.assertIdentity(joan);

        Resolution.Proposed proposed = assertInstanceOf(Resolution.Proposed.class, resolution);
        assertEquals(List.of(john.person()), proposed.candidates().stream().map(Resolution.Candidate::person).toList());
        assertEquals(joan.person(), index.lookup(Identifier.parse("crn:X123456")).orElseThrow());
    }

    @Test
    void differentPncIdsAreNeverOnePersonHoweverAlikeTheNames() {
        index.assertIdentity(named("John", "Smith", "1985-07-12", "pnc:2008/0056560Z"));
        IdentityRecord other = named("John", "Smith", "1985-07-12", "pnc:2003/0011985X");

        assertInstanceOf(Resolution.Unmatched.class, index.assertIdentity(other));
    }

    @Test
    void anAliasMatchesAsAName() {
        IdentityRecord prison = withAlias(named("Mohammed", "Karim", "1979-11-30", "prison-number:A1234BC"), "Mo", "Khan");
        IdentityRecord police = named("Mo", "Khan", "1979-11-30", "pnc:2008/0056560Z");
        index.assertIdentity(prison);

        Resolution.Linked linked = assertInstanceOf(Resolution.Linked.class, index.assertIdentity(police));

        assertEquals(prison.person(), linked.survivor());
    }

    @Test
    void samePrisonNumberWithAnotherDateOfBirthIsAConflictAndChangesNothing() {
        IdentityRecord prison = named("John", "Smith", "1985-07-12", "prison-number:A1234BC");
        IdentityRecord contradicting = named("John", "Smith", "1962-01-30", "prison-number:A1234BC");
        index.assertIdentity(prison);

        Resolution.Conflict conflict = assertInstanceOf(Resolution.Conflict.class, index.assertIdentity(contradicting));

        assertEquals(Identifier.parse("prison-number:A1234BC"), conflict.identifier());
        assertEquals(prison, conflict.existing());
        assertEquals(contradicting.person(), index.personOf(contradicting.person()));
    }

    @Test
    void aRecordSharingIdentifiersOfTwoPeopleMergesThemIntoTheFirst() {
        IdentityRecord prison = named("John", "Smith", "1985-07-12", "prison-number:A1234BC");
        IdentityRecord probation = named("Peter", "Jones", "1985-07-12", "crn:X123456");
        IdentityRecord both = named(null, null, null, "prison-number:A1234BC", "crn:X123456");
        index.assertIdentity(prison);
        index.assertIdentity(probation);

        Resolution.Linked linked = assertInstanceOf(Resolution.Linked.class, index.assertIdentity(both));

        assertEquals(List.of(probation.person(), both.person()), linked.merged());
        assertEquals(prison.person(), index.personOf(probation.person()));
    }

    @Test
    void nobodyAlikeIsAPersonOfTheirOwn() {
        index.assertIdentity(named("John", "Smith", "1985-07-12", "prison-number:A1234BC"));

        assertInstanceOf(Resolution.Unmatched.class, index.assertIdentity(named("Grace", "Okafor", "2001-02-17")));
    }
}
