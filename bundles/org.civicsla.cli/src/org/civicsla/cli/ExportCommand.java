package org.civicsla.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.civicsla.core.model.WorkspaceData;
import org.civicsla.core.store.WorkspaceStore;
import org.civicsla.io.WorkspaceExporter;

/** {@code civicsla export}: the whole workspace as an XLSX workbook in the import template. */
final class ExportCommand implements Command {

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "export a workspace to an XLSX workbook that re-imports to the same records";
    }

    @Override
    public String help() {
        return """
                Usage: civicsla export --workspace <folder> --out <file.xlsx>

                Writes one sheet per kind of record (Vendors, Contacts, DeviceModels, Contracts,
                Documents, Devices, Clauses) in the import template. Text that looks like a formula
                is kept as text.
                """;
    }

    @Override
    public int run(List<String> args, PrintWriter out, PrintWriter err) throws UsageException, InputException {
        Arguments parsed = Arguments.parse(args, Set.of("workspace", "out"), Set.of()).withoutOperands();
        Path target = OutputFiles.check("out", parsed.required("out"), ".xlsx");
        WorkspaceData data;
        try (WorkspaceStore store = WorkspaceAccess.open(parsed)) {
            data = store.snapshot();
        }
        try {
            WorkspaceExporter.export(data, target);
        } catch (IOException e) {
            throw new InputException(target + ": cannot write: " + e.getMessage(), e);
        }
        out.printf("Exported %d vendors, %d contracts, %d device models, %d devices to %s%n", data.vendors().size(),
                data.contracts().size(), data.deviceModels().size(), data.devices().size(), target);
        return ExitCode.OK;
    }
}
