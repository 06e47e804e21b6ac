package org.civicsla.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.civicsla.core.store.WorkspaceStore;
import org.civicsla.io.ImportException;
import org.civicsla.io.ImportReport;
import org.civicsla.io.WorkspaceImporter;

/** {@code civicsla import}: vendors, contracts, device models, devices and clauses from XLSX or CSV. */
final class ImportCommand implements Command {

    private static final int PROBLEMS_SHOWN = 100;

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return "import XLSX or CSV files into a workspace (all or nothing)";
    }

    @Override
    public String help() {
        return """
                Usage: civicsla import --workspace <folder> [--dry-run] <file.xlsx|file.csv>...

                Imports the files as one import: either everything is stored or nothing is.
                A folder without a workspace gets a new one.
                Records are matched by id, so importing the same file twice changes nothing.
                Every problem is listed on stderr with file, sheet, row and column.
                  --dry-run   only say what would be added or changed; store nothing
                A column a sheet or file leaves out keeps its stored value; an empty cell empties it.
                CSV files are named by what they hold: vendors.csv, contacts.csv, device-models.csv,
                contracts.csv, documents.csv, devices.csv, clauses.csv. Document paths are inside the
                workspace folder (e.g. documents/C-1.pdf). The templates: docs/import-templates.md.
                """;
    }

    @Override
    public int run(List<String> args, PrintWriter out, PrintWriter err) throws UsageException, InputException {
        Arguments parsed = Arguments.parse(args, Set.of("workspace"), Set.of("dry-run"));
        if (parsed.operands().isEmpty()) {
            throw new UsageException("name at least one file to import");
        }
        List<Path> files = parsed.operands().stream().map(Path::of).toList();
        Path folder = Path.of(parsed.required("workspace"));
        boolean folderExisted = java.nio.file.Files.exists(folder);
        boolean workspaceExisted = org.civicsla.io.SampleWorkspace.isWorkspace(folder);
        boolean keep = false;
        try (WorkspaceStore store = WorkspaceAccess.openOrCreate(parsed)) {
            ImportReport report = WorkspaceImporter.importFiles(store, files, parsed.flag("dry-run"), () -> false);
            out.print(report.summary());
            if (!report.dryRun()) {
                out.println(report.changesSomething() ? "Imported." : "Nothing to change: the workspace already holds these records.");
            }
            keep = !report.dryRun();
            return ExitCode.OK;
        } catch (ImportException e) {
            // A sheet of a million bad dates is a million problems: the first ones show what to mend.
            e.problems().stream().limit(PROBLEMS_SHOWN).forEach(err::println);
            if (e.problems().size() > PROBLEMS_SHOWN) {
                err.printf(java.util.Locale.ROOT, "... and %,d more problems%n", e.problems().size() - PROBLEMS_SHOWN);
            }
            throw new InputException(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems")
                    + "; nothing was imported");
        } finally {
            // A dry run or a refused import into a new folder leaves nothing behind: an empty workspace left there
            // would make a later mistyped --workspace look valid.
            if (!keep && !workspaceExisted) {
                WorkspaceAccess.removeNew(folder, folderExisted, err);
            }
        }
    }
}
