package org.interlock.people.identifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierTest {

    @ParameterizedTest
    @CsvSource({
            "prison-number:A1234BC, prison-number, A1234BC",
            "prison-number: a1234bc , prison-number, A1234BC",
            "crn:X123456, crn, X123456",
            "pnc:2012/0052494Q, pnc, 2012/0052494Q",
            "pnc:1981/34U, pnc, 1981/0000034U"})
    void parsesTypeAndValueIntoTheCanonicalForm(String text, String type, String value) {
        Identifier identifier = Identifier.parse(text);

        assertEquals(type, identifier.type().id());
        assertEquals(value, identifier.value());
        assertEquals(type + ":" + value, identifier.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"A123BC", "A12345BC", "11234BC", "A1234B1", "A1234BCD", "AB234BC"})
    void refusesPrisonNumbersOfAnotherShape(String value) {
        MalformedIdentifier refused = assertThrows(MalformedIdentifier.class,
                () -> Identifier.of(IdentifierType.PRISON_NUMBER, value));

        assertEquals("prison-number", refused.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"X12345", "X1234567", "1123456", "XX23456"})
    void refusesCrnsOfAnotherShape(String value) {
        MalformedIdentifier refused = assertThrows(MalformedIdentifier.class, () -> Identifier.of(IdentifierType.CRN, value));

        assertEquals("crn", refused.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2012/00524940Q", "12/0052494Q", "2012-0052494Q", "2012/Q", "2012/0052494", "TOTALLYINVALID"})
    void refusesPncIdsOfAnotherShape(String value) {
        MalformedIdentifier refused = assertThrows(MalformedIdentifier.class, () -> Identifier.of(IdentifierType.PNC, value));

        assertEquals("pnc", refused.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2003/0011985Z", "2012/0052494O", "2023/0583843N", "2001/0171310S"})
    void refusesPncIdsWithTheWrongCheckLetter(String value) {
        MalformedIdentifier refused = assertThrows(MalformedIdentifier.class, () -> Identifier.of(IdentifierType.PNC, value));

        assertEquals("pnc", refused.field());
        assertEquals("the check letter of " + value + " is wrong", refused.getMessage());
    }

    @Test
    void refusesAnUnknownTypeNamingTheTypeField() {
        MalformedIdentifier refused = assertThrows(MalformedIdentifier.class, () -> Identifier.parse("nhs-number:4857773456"));

        assertEquals("type", refused.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"A1234BC", ":A1234BC", ""})
    void refusesTextWithoutTypeAndValue(String text) {
        MalformedIdentifier refused = assertThrows(MalformedIdentifier.class, () -> Identifier.parse(text));

        assertEquals("identifier", refused.field());
    }
}
