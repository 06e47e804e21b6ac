package org.civicsla.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.civicsla.core.model.Contract;
import org.civicsla.core.lifecycle.ContractTerms;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;
import org.civicsla.core.store.WorkspaceStore;

/**
 * {@code civicsla vendors}: the vendors of a workspace, as the workbench's vendor list shows them: its contracts are
 * those in force on a date, as the checks count them (a contract still marked active whose term ended does not count).
 */
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
                Usage: civicsla vendors --workspace <folder> [--as-of YYYY-MM-DD] [--format text|csv]

                Lists every vendor with its category, criticality and number of contracts in force on the
                --as-of date (default today): marked active, started, and not ended (renewals counted), as
                the checks and the workbench's Vendors list count them.
                """;
    }

    @Override
    public int run(List<String> args, PrintWriter out, PrintWriter err) throws UsageException, InputException {
        Arguments parsed = Arguments.parse(args, Set.of("workspace", "format", "as-of"), Set.of()).withoutOperands();
        String format = parsed.option("format").orElse("text");
        java.time.LocalDate asOf = Dates.asOf(parsed);
        if (!format.equals("text") && !format.equals("csv")) {
            throw new UsageException("--format is text or csv, not '" + format + "'");
        }
        WorkspaceData data;
        try (WorkspaceStore store = WorkspaceAccess.open(parsed)) {
            data = store.snapshot();
        }
        Map<String, Long> inForce = data.contracts().stream().filter(c -> ContractTerms.inForce(c, asOf))
                .collect(Collectors.groupingBy(Contract::vendorId, Collectors.counting()));
        if (format.equals("csv")) {
            out.println("id,name,category,criticality,contracts_in_force");
            for (Vendor v : data.vendors()) {
                out.println(String.join(",", org.civicsla.core.files.FormulaSafety.csvCell(v.id()), org.civicsla.core.files.FormulaSafety.csvCell(v.name()), org.civicsla.core.files.FormulaSafety.csvCell(v.category()),
                        v.criticality().name().toLowerCase(java.util.Locale.ROOT),
                        Long.toString(inForce.getOrDefault(v.id(), 0L))));
            }
        } else {
            for (Vendor v : data.vendors()) {
                long count = inForce.getOrDefault(v.id(), 0L);
                out.printf("%-8s %-36s %-28s %-9s %d %s in force%n", v.id(), v.name(), v.category(),
                        v.criticality().name().toLowerCase(java.util.Locale.ROOT), count, count == 1 ? "contract" : "contracts");
            }
            out.println(data.vendors().size() + (data.vendors().size() == 1 ? " vendor" : " vendors") + "; contracts in force on "
                    + asOf);
        }
        return ExitCode.OK;
    }
}
