package org.civicsla.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.civicsla.core.lifecycle.ContractTerms;
import org.civicsla.core.lifecycle.PlanYear;
import org.civicsla.core.lifecycle.ReplacementPlan;
import org.civicsla.core.lifecycle.SupportState;
import org.civicsla.core.lifecycle.SupportStatus;
import org.civicsla.core.model.Contract;
import org.civicsla.core.model.ContractStatus;
import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.Milestone;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;
import org.civicsla.core.store.WorkspaceStore;

/** {@code civicsla lifecycle}: support status of the installed base, notice deadlines, replacement plan. */
final class LifecycleCommand implements Command {

    @Override
    public String name() {
        return "lifecycle";
    }

    @Override
    public String summary() {
        return "summarise device support status, notice deadlines and the replacement plan";
    }

    @Override
    public String help() {
        return """
                Usage: civicsla lifecycle --workspace <folder> [--as-of YYYY-MM-DD]
                                          [--milestone support|security-updates] [--horizon MONTHS]

                Prints, as of the date (default today): devices per support status by the chosen
                milestone (default: end of security updates) and planning horizon (default 24 months),
                per device model; contract notice deadlines within the horizon; and the replacement
                plan per year with its cost.
                """;
    }

    @Override
    public int run(List<String> args, PrintWriter out, PrintWriter err) throws UsageException, InputException {
        Arguments parsed = Arguments.parse(args, Set.of("workspace", "as-of", "milestone", "horizon"), Set.of()).withoutOperands();
        LocalDate asOf = Dates.asOf(parsed);
        Milestone milestone = Dates.milestone(parsed);
        int horizon = Dates.horizonMonths(parsed);
        WorkspaceData data;
        try (WorkspaceStore store = WorkspaceAccess.open(parsed)) {
            data = store.snapshot();
        }
        Map<String, Long> perModel = data.devices().stream().collect(Collectors.groupingBy(Device::modelId, Collectors.counting()));
        Map<SupportState, Long> totals = new EnumMap<>(SupportState.class);
        out.printf("Life cycle as of %s (milestone: %s, horizon: %d months)%n%n", asOf,
                milestone == Milestone.END_OF_SUPPORT ? "end of support" : "end of security updates", horizon);
        // Columns as wide as the workspace's ids and names need, a name no wider than 60 (longer ones cut with "..."),
        // so that one long name does not push its row's columns out of line.
        int idWidth = Math.max(5, data.deviceModels().stream().mapToInt(m -> m.id().length()).max().orElse(0));
        int nameWidth = Math.min(NAME_WIDTH, Math.max(4, data.deviceModels().stream().mapToInt(m -> m.model().length()).max()
                .orElse(0)));
        String row = "%-" + idWidth + "s %-" + nameWidth + "s %-10s %-22s %7";
        out.printf(row + "s%n", "Model", "Name", "Ends", "Status", "Devices");
        for (DeviceModel model : data.deviceModels()) {
            SupportState state = SupportStatus.of(model, milestone, asOf, horizon);
            long devices = perModel.getOrDefault(model.id(), 0L);
            totals.merge(state, devices, Long::sum);
            String name = model.model().length() <= nameWidth ? model.model() : model.model().substring(0, nameWidth - 3) + "...";
            out.printf(row + "d%n", model.id(), name,
                    SupportStatus.supportEnd(model, milestone).map(LocalDate::toString).orElse("unknown"),
                    state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), devices);
        }
        out.println();
        totals.forEach((state, count) -> out.printf("%-22s %7d devices%n",
                state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), count));

        Map<String, String> vendorNames = data.vendors().stream().collect(Collectors.toMap(Vendor::id, Vendor::name));
        out.printf("%nNotice deadlines until %s:%n", asOf.plusMonths(horizon));
        record Deadline(Contract contract, LocalDate date) {
        }
        List<Deadline> deadlines = data.contracts().stream().filter(c -> c.status() == ContractStatus.ACTIVE)
                .map(c -> new Deadline(c, ContractTerms.nextNoticeDeadline(c, asOf).orElse(null)))
                .filter(d -> d.date() != null && !d.date().isAfter(asOf.plusMonths(horizon)))
                .sorted(Comparator.comparing(Deadline::date)).toList();
        for (Deadline d : deadlines) {
            out.printf("  %s  %-6s %-34s %s renewal, %d days' notice%n", d.date(), d.contract().id(),
                    vendorNames.getOrDefault(d.contract().vendorId(), d.contract().vendorId()),
                    d.contract().renewal().name().toLowerCase(java.util.Locale.ROOT), d.contract().noticeDays());
        }
        if (deadlines.isEmpty()) {
            out.println("  none");
        }
        out.printf("%nReplacement plan:%n");
        for (PlanYear year : ReplacementPlan.perYear(data, milestone, asOf)) {
            out.printf("  %d  %6d devices  %14s%n", year.year(), year.devices(), String.format("%,.2f", year.cost()));
        }
        return ExitCode.OK;
    }

    /** The widest a model's name is printed. */
    private static final int NAME_WIDTH = 60;
}
