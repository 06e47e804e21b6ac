package org.civicsla.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.civicsla.checks.Matrix;
import org.civicsla.report.FindingsWorkbook;
import org.civicsla.report.PortfolioReport;
import org.civicsla.report.ReportInput;

/**
 * {@code civicsla report} writes the PDF evidence pack and the XLSX findings workbook;
 * {@code civicsla run} (the README's main job) also prints the vendor × step summary.
 */
final class ReportCommand implements Command {

    private final boolean printSummary;

    private ReportCommand(boolean printSummary) {
        this.printSummary = printSummary;
    }

    static ReportCommand report() {
        return new ReportCommand(false);
    }

    static ReportCommand run() {
        return new ReportCommand(true);
    }

    @Override
    public String name() {
        return printSummary ? "run" : "report";
    }

    @Override
    public String summary() {
        return printSummary ? "check a workspace, print the vendor x step summary and write the reports"
                : "write the PDF portfolio report (or one vendor's evidence pack) and the XLSX findings";
    }

    @Override
    public String help() {
        return "Usage: civicsla " + name() + " --workspace <folder> --out <report.pdf> [--xlsx <findings.xlsx>]\n"
                + "       [--vendor <vendor id>] [--as-of YYYY-MM-DD] [--steps 2,5] [--profile <file>]\n\n"
                + (printSummary ? "Runs the checks, prints the vendor x step summary with the failing vendors' reasons,\n"
                        + "and writes the reports. Exit code 1 when any vendor fails.\n"
                        : "Runs the checks and writes the PDF report: title page, contents, the vendor x step\n"
                                + "matrix, a chart of devices reaching the profile's milestone per year, and for each failing\n"
                                + "vendor the missing clauses, the clauses found with quoted evidence, devices nearing\n"
                                + "end of support and notice deadlines. --vendor writes that vendor's evidence pack.\n");
    }

    @Override
    public int run(List<String> args, PrintWriter out, PrintWriter err) throws UsageException, InputException {
        Arguments parsed = Arguments.parse(args,
                Stream.concat(CheckSession.OPTIONS.stream(), Stream.of("out", "xlsx", "vendor")).collect(Collectors.toSet()),
                Set.of()).withoutOperands();
        Path pdf = OutputFiles.check("out", parsed.required("out"), ".pdf");
        Optional<Path> xlsx = parsed.option("xlsx").isEmpty() ? Optional.empty()
                : Optional.of(OutputFiles.check("xlsx", parsed.option("xlsx").get(), ".xlsx"));
        Optional<String> vendor = parsed.option("vendor");
        CheckSession session = CheckSession.run(parsed, vendor, err);
        Matrix matrix = Matrix.of(session.data(), session.run());
        if (printSummary) {
            CheckCommand.printSummary(matrix, session, out);
            out.println();
        }
        ReportInput input = new ReportInput(session.folder().getFileName().toString(), session.data(), session.run(), vendor);
        try {
            PortfolioReport.write(input, pdf, () -> false);
            out.println("Wrote " + pdf);
        } catch (IOException e) {
            throw new InputException(pdf + ": cannot write the report: " + e.getMessage(), e);
        }
        if (xlsx.isPresent()) {
            try {
                FindingsWorkbook.write(input, xlsx.get());
                out.println("Wrote " + xlsx.get());
            } catch (IOException e) {
                throw new InputException(xlsx.get() + ": cannot write the workbook: " + e.getMessage(), e);
            }
        }
        return matrix.anyFailure() ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
