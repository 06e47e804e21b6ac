package org.civicsla.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.civicsla.checks.CheckResultFormat;
import org.civicsla.checks.Matrix;
import org.civicsla.core.check.Checklist;
import org.civicsla.core.model.Vendor;

/** {@code civicsla check}: which vendors fail which checklist steps, and why. */
final class CheckCommand implements Command {

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String summary() {
        return "check vendors against the checklist: steps 2 and 5, and the steps plugins add (exit 1 when a vendor fails)";
    }

    @Override
    public String help() {
        return """
                Usage: civicsla check --workspace <folder> [--as-of YYYY-MM-DD] [--steps 2,5]
                                      [--profile <file>] [--format text|csv|json]

                Runs every installed check (steps 2 and 5, and those plugins add) on the workspace
                as of the date (default today), reading the contract documents attached to each
                contract for clause evidence. Prints one row per vendor and step with its status
                (pass, warning, fail, unknown) and the reasons. Exit code 1 when any vendor fails.
                Active contracts are judged unless their term has ended by the date.
                  --profile   a requirement profile file (default: the checklist's profile), lines of
                                name = Riverton 2027
                                horizonMonths = 24
                                milestone = END_OF_SECURITY_UPDATES   (or END_OF_SUPPORT)
                                require.1 = Audit Rights
                                require.2 = Breach Notification | notificationHours <= 72
                              (File > Preferences in the workbench edits the profile in this form)
                """;
    }

    @Override
    public int run(List<String> args, PrintWriter out, PrintWriter err) throws UsageException, InputException {
        Arguments parsed = Arguments.parse(args, Stream.concat(CheckSession.OPTIONS.stream(), Stream.of("format"))
                .collect(Collectors.toSet()), Set.of()).withoutOperands();
        String format = parsed.option("format").orElse("text");
        if (!Set.of("text", "csv", "json").contains(format)) {
            throw new UsageException("--format is text, csv or json, not '" + format + "'");
        }
        CheckSession session = CheckSession.run(parsed, err);
        Matrix matrix = Matrix.of(session.data(), session.run());
        try {
            switch (format) {
                case "csv" -> CheckResultFormat.csv(matrix, out);
                case "json" -> CheckResultFormat.json(matrix, session.run(), session.data(), out);
                default -> printSummary(matrix, session, out);
            }
        } catch (IOException e) {
            throw new InputException("cannot write the results: " + e.getMessage(), e);
        }
        return matrix.anyFailure() ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /** The vendor × step summary a person reads in a terminal, failing vendors' reasons below it. */
    static void printSummary(Matrix matrix, CheckSession session, PrintWriter out) {
        out.printf("Checklist as of %s, profile \"%s\"%n", session.run().asOf(), session.run().profile().name());
        for (int step : matrix.steps()) {
            out.printf("  step %d: %s%n", step, Checklist.step(step).map(s -> s.title()).orElse(""));
        }
        out.println();
        StringBuilder header = new StringBuilder(String.format("%-8s %-34s", "Vendor", "Name"));
        matrix.steps().forEach(s -> header.append(String.format(" %-8s", "Step " + s)));
        out.println(header);
        int failing = 0;
        for (Vendor vendor : matrix.vendors()) {
            StringBuilder row = new StringBuilder(String.format("%-8s %-34s", vendor.id(), truncate(vendor.name(), 34)));
            for (int step : matrix.steps()) {
                row.append(String.format(" %-8s", matrix.cell(vendor.id(), step).orElseThrow().status().name()
                        .toLowerCase(Locale.ROOT)));
            }
            out.println(row);
            if (matrix.worst(vendor.id()) == org.civicsla.core.check.Status.FAIL) {
                failing++;
            }
        }
        out.printf("%n%d of %d vendors fail at least one step.%n", failing, matrix.vendors().size());
        for (Vendor vendor : matrix.vendors()) {
            for (int step : matrix.steps()) {
                Matrix.Cell cell = matrix.cell(vendor.id(), step).orElseThrow();
                if (cell.status() != org.civicsla.core.check.Status.FAIL) {
                    continue;
                }
                out.printf("%n%s %s fails step %d:%n", vendor.id(), vendor.name(), step);
                cell.findings().stream().flatMap(f -> f.reasons().stream()).limit(8)
                        .forEach(reason -> out.println("  - " + reason));
                long more = cell.findings().stream().mapToLong(f -> f.reasons().size()).sum() - 8;
                if (more > 0) {
                    out.println("  ... and " + more + " more (all of them: civicsla check --format csv, or the report)");
                }
            }
        }
    }

    private static String truncate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
