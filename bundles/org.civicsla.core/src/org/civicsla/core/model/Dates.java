package org.civicsla.core.model;

import java.time.Month;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Why a text is not a date, in the words a person fixes it by: the format, or a day the calendar does not have. */
public final class Dates {

    private Dates() {
    }

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    /**
     * Why {@code value}, which {@link java.time.LocalDate#parse} refused, is not a date: "'2024-02-30' is not a date:
     * February 2024 has 29 days", "'2022-13-01' is not a date: there is no month 13", or, written otherwise,
     * "'22/11/2026' is not a date; write YYYY-MM-DD".
     */
    public static String whyNot(String value) {
        return notInCalendar(value).orElse("'" + value + "' is not a date; write YYYY-MM-DD");
    }

    /**
     * Why {@code value}, written as YYYY-MM-DD but refused, names no day of the calendar; empty when it is not written
     * so (its format is then what is wrong, in words each caller picks).
     */
    public static java.util.Optional<String> notInCalendar(String value) {
        Matcher m = ISO.matcher(value);
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            return java.util.Optional.of("'" + value + "' is not a date: there is no month " + month);
        }
        String name = Month.of(month).getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
        return java.util.Optional.of("'" + value + "' is not a date: " + name + " " + year + " has "
                + YearMonth.of(year, month).lengthOfMonth() + " days");
    }
}
