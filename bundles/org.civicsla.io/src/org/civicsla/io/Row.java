package org.civicsla.io;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One data row of an import sheet with typed accessors. A bad cell does not throw: it adds a
 * problem naming file, sheet, row and column and returns a neutral value, so one pass over a file
 * reports every problem in it.
 */
final class Row {

    private final String file;
    private final String sheet;
    private final long number;
    private final Map<String, String> cells;
    private final List<ImportProblem> problems;
    /** Columns whose cell was refused (and emptied): one problem per cell is enough. */
    private final java.util.Set<String> refused = new java.util.HashSet<>();

    /** Excel's own limit for the text of one cell; longer text is not something a person typed. */
    static final int MAX_CELL_LENGTH = 32_767;

    /** Digits of an amount with its two decimals, as the store keeps them (DECIMAL(20, 2)). */
    static final int MAX_AMOUNT_DIGITS = 20;

    /** The columns of the row's sheet or file: those it has no column for keep their stored values. */
    private final java.util.Collection<String> header;

    /**
     * {@code cells} is modified: a cell longer than {@link #MAX_CELL_LENGTH} is reported and emptied.
     * {@code header}: the columns of the sheet or file.
     */
    Row(String file, String sheet, long number, Map<String, String> cells, java.util.Collection<String> header,
            List<ImportProblem> problems) {
        this(file, sheet, number, cells, header, problems, Map.of());
    }

    /** {@code refused}: columns whose cell could not be read, with why; each is reported once, not also as empty. */
    Row(String file, String sheet, long number, Map<String, String> cells, java.util.Collection<String> header,
            List<ImportProblem> problems, Map<String, String> refused) {
        this.file = file;
        this.sheet = sheet;
        this.number = number;
        this.cells = cells;
        this.header = header;
        this.problems = problems;
        for (Map.Entry<String, String> cell : cells.entrySet()) {
            if (cell.getValue() != null && cell.getValue().length() > MAX_CELL_LENGTH) {
                problem(cell.getKey(), "is longer than " + MAX_CELL_LENGTH + " characters, the most a cell holds");
                cell.setValue("");
                this.refused.add(cell.getKey());
            }
        }
        refused.forEach((column, why) -> {
            problem(column, why);
            this.refused.add(column);
        });
    }

    long number() {
        return number;
    }

    void problem(String column, String reason) {
        problems.add(at(column, reason));
    }

    /** A problem located at this row's {@code column}. */
    ImportProblem at(String column, String reason) {
        return new ImportProblem(file, sheet, number, column, reason);
    }

    /** Where this row is, for problems found after the file was read (e.g. dangling references). */
    Where where() {
        return new Where(file, sheet, number);
    }

    /** A row's location without its cells, cheap enough to keep for every row of a large import. */
    record Where(String file, String sheet, long row) {
        ImportProblem problem(String column, String reason) {
            return new ImportProblem(file, sheet, row, column, reason);
        }
    }

    /** Whether the row's sheet or file has all of {@code columns}. */
    boolean hasColumns(List<String> columns) {
        return header.containsAll(columns);
    }

    /** Whether the row's sheet or file has {@code column}. */
    boolean hasColumn(String column) {
        return header.contains(column);
    }

    /**
     * Takes the values of the columns the sheet or file does not have from {@code stored}, the stored record's cells:
     * an import of some columns changes those and leaves the others as they are, instead of emptying them.
     */
    void keepAbsent(Map<String, String> stored) {
        stored.forEach((column, value) -> {
            if (!header.contains(column)) {
                cells.put(column, value);
            }
        });
    }

    boolean isBlank() {
        return cells.values().stream().allMatch(String::isBlank);
    }

    /** The trimmed text of {@code column}, "" when absent. */
    String text(String column) {
        String value = cells.get(column);
        return value == null ? "" : value.strip();
    }

    String required(String column) {
        String value = text(column);
        if (value.isEmpty() && !refused.contains(column)) {
            problem(column, "is empty; it is required");
        }
        return value;
    }

    Optional<LocalDate> date(String column) {
        String value = text(column);
        if (value.isEmpty() || value.equalsIgnoreCase("unknown")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            problem(column, org.civicsla.core.model.Dates.whyNot(value));
            return Optional.empty();
        }
    }

    int integer(String column, int ifEmpty) {
        String value = text(column);
        if (value.isEmpty()) {
            return ifEmpty;
        }
        try {
            // Spreadsheets store whole numbers as 36.0; accept that, refuse 36.5.
            BigDecimal number = new BigDecimal(value);
            int result = number.intValueExact();
            if (result < 0) {
                problem(column, "'" + value + "' is negative");
                return ifEmpty;
            }
            return result;
        } catch (NumberFormatException | ArithmeticException e) {
            problem(column, "'" + value + "' is not a whole number");
            return ifEmpty;
        }
    }

    Optional<BigDecimal> decimal(String column) {
        String value = text(column).replace(",", "");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            // Amounts are stored with two decimals; scaling here keeps "480" and "480.00" the same record.
            BigDecimal amount = new BigDecimal(value).setScale(2, java.math.RoundingMode.HALF_UP);
            if (amount.precision() > MAX_AMOUNT_DIGITS) {
                problem(column, "'" + text(column) + "' is too large; amounts have at most "
                        + (MAX_AMOUNT_DIGITS - 2) + " digits before the decimal point");
                return Optional.empty();
            }
            return Optional.of(amount);
        } catch (NumberFormatException e) {
            problem(column, "'" + text(column) + "' is not a number");
            return Optional.empty();
        }
    }

    <E extends Enum<E>> E choice(String column, Class<E> type, E ifEmpty) {
        String value = text(column);
        if (value.isEmpty()) {
            return ifEmpty;
        }
        String key = value.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        if (type.getSimpleName().equals("RenewalKind") && key.equals("TACIT")) {
            key = "AUTOMATIC";
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(key)) {
                return constant;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            allowed.append(allowed.isEmpty() ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
        }
        problem(column, "'" + value + "' is not one of " + allowed);
        return ifEmpty;
    }

    /** A list cell: values separated by semicolons. */
    List<String> list(String column) {
        String value = text(column);
        if (value.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
