package org.civicsla.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.store.ChangeSet;
import org.civicsla.core.store.WorkspaceStore;
import org.civicsla.io.EndOfLifeCatalog;
import org.civicsla.io.EndOfLifeMatcher;
import org.civicsla.io.ImportProblem;

/** {@code civicsla eol}: fill device models' life-cycle dates from an endoflife.date catalog. */
final class EndOfLifeCommand implements Command {

    @Override
    public String name() {
        return "eol";
    }

    @Override
    public String summary() {
        return "fill device models' end-of-life dates from an endoflife.date catalog";
    }

    @Override
    public String help() {
        return """
                Usage: civicsla eol --workspace <folder> --catalog <products folder or file.md> [--dry-run]

                Reads endoflife.date product files (YAML front matter) and matches each device model
                whose name names a product and release cycle (e.g. "FortiOS 7.2 firewall"). Its end of
                sale, support and security updates are set from the release, keeping what the
                product's eol means (its eolColumn) and naming the source. --dry-run only lists the
                matches.
                """;
    }

    @Override
    public int run(List<String> args, PrintWriter out, PrintWriter err) throws UsageException, InputException {
        Arguments parsed = Arguments.parse(args, Set.of("workspace", "catalog"), Set.of("dry-run")).withoutOperands();
        Path catalogPath = Path.of(parsed.required("catalog"));
        if (!Files.exists(catalogPath)) {
            throw new InputException(catalogPath + ": does not exist");
        }
        List<ImportProblem> problems = new ArrayList<>();
        EndOfLifeCatalog catalog;
        try {
            catalog = EndOfLifeCatalog.read(catalogPath, problems);
        } catch (IOException e) {
            throw new InputException(catalogPath + ": cannot read: " + e.getMessage(), e);
        }
        problems.forEach(p -> err.println("civicsla: " + p));
        if (catalog.products().isEmpty() && !problems.isEmpty()) {
            // Nothing read is a failed run for a script, not "0 products read" and exit 0.
            throw new InputException(catalogPath + ": no product file could be read");
        }
        try (WorkspaceStore store = WorkspaceAccess.open(parsed)) {
            List<EndOfLifeMatcher.Match> matches = EndOfLifeMatcher.match(store.snapshot().deviceModels(), catalog,
                    LocalDate.now());
            List<DeviceModel> changed = new ArrayList<>();
            for (EndOfLifeMatcher.Match match : matches) {
                out.printf("%-6s %-40s -> %s %s: support %s, security updates %s%s%n", match.after().id(), match.after().model(),
                        match.product(), match.cycle(), match.after().endOfSupport().date().map(Object::toString).orElse("unknown"),
                        match.after().endOfSecurityUpdates().date().map(Object::toString).orElse("unknown"),
                        match.changes() ? "" : " (unchanged)");
                if (match.changes()) {
                    changed.add(match.after());
                }
            }
            out.printf("%d products read, %d device models matched, %d changed%s%n", catalog.products().size(),
                    matches.size(), changed.size(), parsed.flag("dry-run") ? " (dry run: nothing stored)" : "");
            if (!parsed.flag("dry-run") && !changed.isEmpty()) {
                store.apply(new ChangeSet(List.of(), List.of(), List.of(), changed, List.of()));
            }
        }
        return ExitCode.OK;
    }
}
