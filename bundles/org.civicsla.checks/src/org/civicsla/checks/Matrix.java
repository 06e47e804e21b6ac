package org.civicsla.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.civicsla.core.check.CheckRun;
import org.civicsla.core.check.Finding;
import org.civicsla.core.check.Status;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;

/** Vendors × checklist steps: the worst status of each cell and the findings behind it. */
public final class Matrix {

    /** One cell: a vendor on a step. */
    public record Cell(Vendor vendor, int step, Status status, List<Finding> findings) {

        /** What a cell without findings says: a step's checks may leave a vendor out (no devices, no contracts). */
        public static final String NOT_CHECKED = "no findings: this step was not checked for this vendor";

        /** The reasons of the cell's findings; for a cell without any, why it is empty. */
        public List<String> reasons() {
            return findings.isEmpty() ? List.of(NOT_CHECKED) : findings.stream().flatMap(f -> f.reasons().stream()).toList();
        }
    }

    private final List<Vendor> vendors;
    private final List<Integer> steps;
    private final Map<String, Map<Integer, Cell>> cells;

    private Matrix(List<Vendor> vendors, List<Integer> steps, Map<String, Map<Integer, Cell>> cells) {
        this.vendors = vendors;
        this.steps = steps;
        this.cells = cells;
    }

    public static Matrix of(WorkspaceData data, CheckRun run) {
        TreeSet<Integer> steps = new TreeSet<>();
        Map<String, Map<Integer, List<Finding>>> grouped = new TreeMap<>();
        for (Finding finding : run.findings()) {
            steps.add(finding.step());
            grouped.computeIfAbsent(finding.vendorId(), v -> new TreeMap<>())
                    .computeIfAbsent(finding.step(), s -> new ArrayList<>()).add(finding);
        }
        run.failures().forEach(f -> steps.add(f.step()));
        Map<String, Map<Integer, Cell>> cells = new TreeMap<>();
        for (Vendor vendor : data.vendors()) {
            Map<Integer, Cell> row = new TreeMap<>();
            for (int step : steps) {
                List<Finding> findings = grouped.getOrDefault(vendor.id(), Map.of()).getOrDefault(step, List.of());
                Status status = findings.stream().map(Finding::status).reduce(Status.PASS, Status::worst);
                if (findings.isEmpty() || run.failures().stream().anyMatch(f -> f.step() == step)) {
                    // A step whose check failed to run is unknown, whatever its other checks said.
                    status = findings.isEmpty() ? Status.UNKNOWN : status.worst(Status.UNKNOWN);
                }
                row.put(step, new Cell(vendor, step, status, List.copyOf(findings)));
            }
            cells.put(vendor.id(), row);
        }
        return new Matrix(data.vendors(), List.copyOf(steps), cells);
    }

    public List<Vendor> vendors() {
        return vendors;
    }

    public List<Integer> steps() {
        return steps;
    }

    public Optional<Cell> cell(String vendorId, int step) {
        return Optional.ofNullable(cells.getOrDefault(vendorId, Map.of()).get(step));
    }

    /** The worst status a vendor has on any step. */
    public Status worst(String vendorId) {
        return cells.getOrDefault(vendorId, Map.of()).values().stream().map(Cell::status).reduce(Status.PASS, Status::worst);
    }

    public boolean anyFailure() {
        return vendors.stream().anyMatch(v -> worst(v.id()) == Status.FAIL);
    }
}
