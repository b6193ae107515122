package org.interlock.people.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateAgreementTest {

    @ParameterizedTest
    @CsvSource({
            "1985-07-12, 1985-07-12, EXACT",
            "1985-03-04, 1985-04-03, DAY_MONTH_SWAPPED",
            "1985-07-12, 1958-07-12, DIGITS_TRANSPOSED",
            "1985-07-12, 1985-07-21, DIGITS_TRANSPOSED",
            "1985-07-12, 1985-07-13, ONE_DIGIT_DIFFERENT",
            "1985-07-12, 1986-08-12, DIFFERENT",
            "1985-07-12, 1990-01-30, DIFFERENT"})
    void namesHowTwoDatesOfBirthAgree(String a, String b, DateAgreement expected) {
        assertEquals(expected, DateAgreement.of(LocalDate.parse(a), LocalDate.parse(b)));
        assertEquals(expected, DateAgreement.of(LocalDate.parse(b), LocalDate.parse(a)));
    }
}
