package org.civicsla.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.civicsla.core.model.Milestone;

/** Parsing of the date and milestone options shared by several commands. */
final class Dates {

    private Dates() {
    }

    static LocalDate asOf(Arguments args) throws UsageException {
        String value = args.option("as-of").orElse("");
        if (value.isEmpty()) {
            return LocalDate.now();
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException("--as-of " + org.civicsla.core.model.Dates.whyNot(value));
        }
    }

    static Milestone milestone(Arguments args) throws UsageException {
        String value = args.option("milestone").orElse("security-updates");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "security-updates", "end-of-security-updates" -> Milestone.END_OF_SECURITY_UPDATES;
            case "support", "end-of-support" -> Milestone.END_OF_SUPPORT;
            default -> throw new UsageException("--milestone is support or security-updates, not '" + value + "'");
        };
    }

    static int horizonMonths(Arguments args) throws UsageException {
        String value = args.option("horizon").orElse("24");
        try {
            int months = Integer.parseInt(value);
            if (months < 0) {
                throw new NumberFormatException();
            }
            return months;
        } catch (NumberFormatException e) {
            throw new UsageException("--horizon is a number of months, not '" + value + "'");
        }
    }
}
