package org.civicsla.index.clauses;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as contracts write them - "seventy-two (72) hours", "one year", "90 days", "six (6) months'" - for the
 * values a clause type extracts. In a taxonomy's value pattern, {@code {duration}} (any unit) or
 * {@code {duration:days|months}} (those units) stands for such a phrase as group 1; the value is then given in the
 * unit its name ends with ({@code notificationHours}, {@code noticeDays}, {@code warrantyMonths}, {@code supportYears}),
 * so that "within three (3) business days" is {@code notificationHours=72} and "one (1) year" is
 * {@code renewalTermMonths=12}.
 */
final class Durations {

    private Durations() {
    }

    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80),
            Map.entry("ninety", 90));

    /** Number words, longest first so that "seventeen" is not read as "seven". */
    private static final String NUMBER_WORD = "(?:half|seventeen|thirteen|fourteen|fifteen|sixteen|eighteen|nineteen|eleven|twelve"
            + "|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|three|seven|eight|four|five|nine|one|two|six|ten"
            + "|an|a)";

    /**
     * Units in days, as a notice counts them: a month 30 days, a year 365; months and years convert by 12 (see
     * {@link #convert}), so that six months' notice is 180 days and a one-year term 12 months.
     */
    private static final Map<String, Double> DAYS = Map.of("minute", 1 / 1440.0, "hour", 1 / 24.0, "day", 1.0, "week", 7.0,
            "month", 30.0, "year", 365.0);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{duration(?::([a-z|]+))?\\}");

    /**
     * {@code regex} with its {@code {duration}} placeholders written out (as a capturing group: write one per
     * pattern, it is group 1).
     *
     * @throws IllegalArgumentException naming a unit that is not one of minutes, hours, days, weeks, months, years
     */
    static String expand(String regex) {
        Matcher m = PLACEHOLDER.matcher(regex);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String units = m.group(1) == null ? "minutes|hours|days|weeks|months|years" : m.group(1);
            StringBuilder alternatives = new StringBuilder();
            for (String unit : units.split("\\|")) {
                String singular = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
                if (!DAYS.containsKey(singular)) {
                    throw new IllegalArgumentException("{duration:" + units + "}: '" + unit
                            + "' is not a unit; use minutes, hours, days, weeks, months or years");
                }
                alternatives.append(alternatives.isEmpty() ? "" : "|").append(singular);
            }
            // A number in words, digits or both ("twenty-four (24)"), then the unit; bounded, so no backtracking runs long.
            String phrase = "(\\b(?:" + NUMBER_WORD + "(?:[- ]" + NUMBER_WORD + "){0,3}(?: \\(\\d{1,4}\\))?|\\(?\\d{1,4}\\)?)"
                    + "[- ]?(?:full |business |calendar |working )?(?:" + alternatives + ")s?\\b)";
            m.appendReplacement(out, Matcher.quoteReplacement(phrase));
        }
        return m.appendTail(out).toString();
    }

    private static final Pattern DIGITS = Pattern.compile("\\d{1,4}");
    private static final Pattern UNIT = Pattern.compile("\\b(minute|hour|day|week|month|year)s?\\b");

    /**
     * The value for {@code key} of a matched {@code phrase}: a duration in the unit {@code key} ends with, a plain number
     * as it stands (the pattern gave the unit), or, for a key without a unit, the phrase itself.
     */
    static String value(String key, String phrase) {
        Optional<String> unit = keyUnit(key);
        String text = phrase.strip().toLowerCase(Locale.ROOT);
        Matcher unitIn = UNIT.matcher(text);
        if (unit.isEmpty() || !unitIn.find()) {
            return phrase.strip();
        }
        Optional<Double> count = count(text.substring(0, unitIn.start()));
        if (count.isEmpty()) {
            return phrase.strip();
        }
        BigDecimal inUnit = BigDecimal.valueOf(count.get() * convert(unitIn.group(1), unit.get()))
                .setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return inUnit.toPlainString();
    }

    /** How many {@code to} one {@code from} is. */
    private static double convert(String from, String to) {
        if (from.equals("year") && to.equals("month")) {
            return 12;
        }
        if (from.equals("month") && to.equals("year")) {
            return 1 / 12.0;
        }
        return DAYS.get(from) / DAYS.get(to);
    }

    /** The unit a value name ends with ("notificationHours": hour), if any. */
    private static Optional<String> keyUnit(String key) {
        for (String unit : DAYS.keySet()) {
            String suffix = Character.toUpperCase(unit.charAt(0)) + unit.substring(1) + "s";
            if (key.endsWith(suffix) && key.length() > suffix.length()) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }

    /**
     * The number before a unit: its digits where it has them ("twelve (12)"), else its words ("twenty-four", "one
     * hundred twenty", "half a").
     */
    private static Optional<Double> count(String number) {
        Matcher digits = DIGITS.matcher(number);
        Integer last = null;
        while (digits.find()) {
            last = Integer.valueOf(digits.group());
        }
        if (last != null) {
            return Optional.of(last.doubleValue());
        }
        int total = 0;
        boolean any = false;
        boolean half = false;
        for (String word : number.split("[^a-z]+")) {
            if (word.isEmpty() || word.equals("full") || word.equals("business") || word.equals("calendar")
                    || word.equals("working")) {
                continue;
            }
            if (word.equals("half")) {
                half = true;
            } else if (word.equals("hundred")) {
                total = Math.max(total, 1) * 100;
            } else if (WORDS.containsKey(word)) {
                total += WORDS.get(word);
            } else {
                return Optional.empty();
            }
            any = true;
        }
        if (half) {
            return Optional.of(Math.max(total, 1) / 2.0);
        }
        return any ? Optional.of((double) total) : Optional.empty();
    }
}
