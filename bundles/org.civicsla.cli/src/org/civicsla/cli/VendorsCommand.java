package org.civicsla.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.civicsla.core.model.Contract;
import org.civicsla.core.model.ContractStatus;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;
import org.civicsla.core.store.WorkspaceStore;

/** {@code civicsla vendors}: the vendors of a workspace, as the workbench's vendor list shows them. */
final class VendorsCommand implements Command {

    @Override
    public String name() {
        return "vendors";
    }

    @Override
    public String summary() {
        return "list the vendors of a workspace";
    }

    @Override
    public String help() {
        return """
                Usage: civicsla vendors --workspace <folder> [--format text|csv]

                Lists every vendor with its category, criticality and number of active contracts.
                """;
    }

    @Override
    public int run(List<String> args, PrintWriter out, PrintWriter err) throws UsageException, InputException {
        Arguments parsed = Arguments.parse(args, Set.of("workspace", "format"), Set.of()).withoutOperands();
        String format = parsed.option("format").orElse("text");
        if (!format.equals("text") && !format.equals("csv")) {
            throw new UsageException("--format is text or csv, not '" + format + "'");
        }
        WorkspaceData data;
        try (WorkspaceStore store = WorkspaceAccess.open(parsed)) {
            data = store.snapshot();
        }
        Map<String, Long> active = data.contracts().stream().filter(c -> c.status() == ContractStatus.ACTIVE)
                .collect(Collectors.groupingBy(Contract::vendorId, Collectors.counting()));
        if (format.equals("csv")) {
            out.println("id,name,category,criticality,active_contracts");
            for (Vendor v : data.vendors()) {
                out.println(String.join(",", org.civicsla.core.files.FormulaSafety.csvCell(v.id()), org.civicsla.core.files.FormulaSafety.csvCell(v.name()), org.civicsla.core.files.FormulaSafety.csvCell(v.category()),
                        v.criticality().name().toLowerCase(java.util.Locale.ROOT),
                        Long.toString(active.getOrDefault(v.id(), 0L))));
            }
        } else {
            for (Vendor v : data.vendors()) {
                long count = active.getOrDefault(v.id(), 0L);
                out.printf("%-8s %-36s %-28s %-9s %d active %s%n", v.id(), v.name(), v.category(),
                        v.criticality().name().toLowerCase(java.util.Locale.ROOT), count, count == 1 ? "contract" : "contracts");
            }
            out.println(data.vendors().size() + (data.vendors().size() == 1 ? " vendor" : " vendors"));
        }
        return ExitCode.OK;
    }
}
