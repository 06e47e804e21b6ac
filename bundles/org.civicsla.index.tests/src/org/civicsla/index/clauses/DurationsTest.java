package org.civicsla.index.clauses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Durations in words and digits, in the unit a value's name asks for. */
class DurationsTest {

    @Test
    void aPhraseIsGivenInTheUnitOfTheValuesName() {
        assertEquals("72", Durations.value("notificationHours", "seventy-two (72) hours"));
        assertEquals("72", Durations.value("notificationHours", "three business days"));
        assertEquals("12", Durations.value("renewalTermMonths", "one (1) year"));
        assertEquals("6", Durations.value("renewalTermMonths", "half a year"));
        assertEquals("180", Durations.value("noticeDays", "six months"));
        assertEquals("120", Durations.value("noticeDays", "one hundred twenty days"));
        assertEquals("0.5", Durations.value("responseHours", "thirty minutes"));
        assertEquals("1.5", Durations.value("supportYears", "eighteen (18) months"));
        assertEquals("60", Durations.value("noticeDays", "60"), "a number alone: the pattern gave its unit");
        assertEquals("$5,000,000", Durations.value("liabilityCap", "$5,000,000"), "no unit in the name: as written");
        assertEquals("many days", Durations.value("noticeDays", "many days"), "not a number: as written");
    }

    @Test
    void thePlaceholderMatchesNumbersInWordsOrDigitsWithTheirUnit() {
        Pattern days = Pattern.compile(Durations.expand("within {duration:hours|days}"));
        for (String text : new String[] { "within 72 hours", "within seventy-two (72) hours", "within three business days",
            "within a day", "within twenty four (24) hours" }) {
            var m = days.matcher(text);
            assertTrue(m.find(), text);
            assertEquals(text.substring("within ".length()), m.group(1));
        }
        assertTrue(!days.matcher("within six months").find(), "months are not among its units");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Durations.expand("{duration:fortnights}"));
        assertTrue(unknown.getMessage().contains("'fortnights' is not a unit"), unknown.getMessage());
    }
}
