package org.civicsla.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.civicsla.index.ClauseScan;
import org.civicsla.index.clauses.ClauseDetector;
import org.civicsla.index.clauses.ClauseDetectors;

/** {@code civicsla clauses}: clause detection over a folder of contract documents, no workspace needed. */
final class ClausesCommand implements Command {

    @Override
    public String name() {
        return "clauses";
    }

    @Override
    public String summary() {
        return "detect clause types in PDF, DOCX or TXT contracts (CSV on stdout)";
    }

    @Override
    public String help() {
        return """
                Usage: civicsla clauses <folder or files>... [--format csv] [--taxonomy <clauses.yaml>]

                Writes a header and one row per document and clause type:
                  document,category,present,confidence,evidence
                document is the file name without its extension; present is Yes or No; evidence
                quotes the passage that shows the clause (with its page for PDFs). Evidence that
                starts with = + - or @ gets an apostrophe before it, so that a spreadsheet opening
                the CSV shows it as text instead of running it as a formula.
                A file that cannot be read, or a path that does not exist, is reported on stderr and
                skipped; the others go on; exit code 2 when no document could be scanned. A file
                named twice (a folder and a file in it) is read once.
                  --taxonomy  a file of clause types to look for beside the standard ones and the
                              plugins' (the format of a workspace's clauses.yaml; a type named as
                              a standard one replaces it)
                """;
    }

    @Override
    public int run(List<String> args, PrintWriter out, PrintWriter err) throws UsageException, InputException {
        Arguments parsed = Arguments.parse(args, Set.of("format", "taxonomy"), Set.of());
        String format = parsed.option("format").orElse("csv");
        if (!format.equals("csv")) {
            throw new UsageException("--format csv is the only format of clauses, not '" + format + "'");
        }
        if (parsed.operands().isEmpty()) {
            throw new UsageException("name a folder or files to scan");
        }
        List<Path> inputs = parsed.operands().stream().map(Path::of).toList();
        // One mistyped path among many is told and the others scanned (see ClauseScan); naming nothing that exists is
        // an error before anything is loaded.
        if (inputs.stream().noneMatch(java.nio.file.Files::exists)) {
            throw new InputException(inputs.size() == 1 ? inputs.get(0) + ": does not exist"
                    : "none of " + named(inputs) + " exists");
        }
        List<Path> taxonomy = parsed.option("taxonomy").map(Path::of).stream().toList();
        for (Path file : taxonomy) {
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new InputException(file + ": --taxonomy names no file");
            }
        }
        ClauseDetector detector;
        try {
            detector = Services.get(ClauseDetectors.class).with(taxonomy);
        } catch (IOException e) {
            throw new InputException(e.getMessage(), e);
        }
        try {
            ClauseScan.Summary summary = ClauseScan.scan(inputs, detector, out, err::println, () -> false);
            out.flush();
            err.printf("%s scanned, %d could not be read%n", documents(summary.documents()), summary.failed());
            if (summary.documents() == 0 && summary.failed() == 0) {
                err.println("civicsla: no PDF, DOCX or TXT file in " + named(inputs));
            }
            // Nothing scanned is a failed run for a script (an empty or mistyped folder), not an empty CSV and exit 0.
            return summary.documents() == 0 ? ExitCode.ERROR : ExitCode.OK;
        } catch (IOException e) {
            throw new InputException("cannot scan " + inputs + ": " + e.getMessage(), e);
        }
    }

    /** The paths as named: "a, b". */
    private static String named(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", "));
    }

    /** "1 document", "2 documents". */
    static String documents(int count) {
        return count + (count == 1 ? " document" : " documents");
    }
}
