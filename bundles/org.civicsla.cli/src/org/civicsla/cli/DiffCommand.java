package org.civicsla.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.civicsla.checks.RunDiff;
import org.civicsla.checks.RunHistory;
import org.civicsla.core.check.CheckRun;

/** {@code civicsla diff}: what got better or worse between two saved check runs. */
final class DiffCommand implements Command {

    @Override
    public String name() {
        return "diff";
    }

    @Override
    public String summary() {
        return "compare two saved check runs: what got better or worse";
    }

    @Override
    public String help() {
        return """
                Usage: civicsla diff --workspace <folder> [--from <run.json>] [--to <run.json>]

                Every 'civicsla check', 'report' and 'run' saves its run in <workspace>/runs/. Without
                options, the last two runs are compared. Prints each vendor and step whose status or
                reasons changed: better, worse or same status, with the new and the resolved reasons.
                """;
    }

    @Override
    public int run(List<String> args, PrintWriter out, PrintWriter err) throws UsageException, InputException {
        Arguments parsed = Arguments.parse(args, Set.of("workspace", "from", "to"), Set.of()).withoutOperands();
        Path workspace = Path.of(parsed.required("workspace"));
        RunHistory history = new RunHistory(workspace);
        try {
            List<Path> runs = history.runs();
            Path to = parsed.option("to").map(Path::of).orElse(runs.isEmpty() ? null : runs.get(runs.size() - 1));
            Path from = parsed.option("from").map(Path::of).orElse(runs.size() < 2 ? null : runs.get(runs.size() - 2));
            if (from == null || to == null) {
                throw new InputException(workspace + ": fewer than two saved runs in " + workspace.resolve("runs")
                        + "; run 'civicsla check' twice, or name them with --from and --to");
            }
            CheckRun older = RunHistory.load(from);
            CheckRun newer = RunHistory.load(to);
            out.printf("From %s (as of %s) to %s (as of %s)%n", from.getFileName(), older.asOf(), to.getFileName(), newer.asOf());
            List<RunDiff.Change> changes = RunDiff.between(older, newer);
            for (RunDiff.Change change : changes) {
                out.printf("%-8s step %d: %s -> %s (%s)%n", change.vendorId(), change.step(),
                        change.before().name().toLowerCase(Locale.ROOT), change.after().name().toLowerCase(Locale.ROOT),
                        change.direction().name().toLowerCase(Locale.ROOT));
                change.newReasons().forEach(r -> out.println("    + " + r));
                change.resolvedReasons().forEach(r -> out.println("    - " + r));
            }
            out.println(changes.isEmpty() ? "No vendor changed." : changes.size() + " vendor and step results changed.");
            var notCompared = RunDiff.notCompared(older, newer);
            if (!notCompared.isEmpty()) {
                out.println("Not compared: step " + notCompared.stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", ")) + ", checked in only one of the runs.");
            }
            return ExitCode.OK;
        } catch (IOException e) {
            throw new InputException(e.getMessage(), e);
        }
    }
}
