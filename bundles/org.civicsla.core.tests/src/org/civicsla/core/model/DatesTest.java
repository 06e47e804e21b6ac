package org.civicsla.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A date refused says why in the words a person fixes it by. */
class DatesTest {

    @Test
    void aRefusedDateSaysWhetherTheFormatOrTheCalendarIsWrong() {
        assertEquals("'2024-02-30' is not a date: February 2024 has 29 days", Dates.whyNot("2024-02-30"));
        assertEquals("'2023-02-29' is not a date: February 2023 has 28 days", Dates.whyNot("2023-02-29"));
        assertEquals("'2022-13-01' is not a date: there is no month 13", Dates.whyNot("2022-13-01"));
        assertEquals("'22/11/2026' is not a date; write YYYY-MM-DD", Dates.whyNot("22/11/2026"));
    }
}
