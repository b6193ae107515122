package org.interlock.people.identifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The vectors published with the Ministry of Justice's person record service's PNC validation. */
class PncCheckCharacterTest {

    @ParameterizedTest
    @CsvSource({
            "2008, 56560, Z", "2003, 11985, X", "2012, 52494, Q", "2023, 583843, L", "2001, 171310, W",
            "2011, 275516, Q", "2003, 62845, E", "1981, 154257, C", "1979, 163001, B", "2002, 73319, Z",
            "1981, 34, U", "2000, 223, R", "2003, 3, Y"})
    void checkLetterIsYearAndSerialModulo23(int year, long serial, char letter) {
        assertEquals(letter, PncCheckCharacter.of(year, serial));
    }
}
