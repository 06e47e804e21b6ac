package org.civicsla.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.civicsla.core.check.CheckFailure;
import org.civicsla.core.check.CheckRun;
import org.civicsla.core.check.Finding;
import org.civicsla.core.check.Status;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;

/**
 * Vendors × checklist steps as the reports show them: the worst status of each cell and the findings
 * behind it. Steps 2 and 5 are always present (they are what the reports are about); other steps
 * appear when the run has findings or failures for them. A cell without findings, or on a step whose
 * check could not run, is at best unknown: the report must not claim a pass nobody checked.
 * Built from the check run alone, so reports do not depend on the check engine.
 */
final class StepMatrix {

    /** The checklist steps every report covers. */
    static final List<Integer> CORE_STEPS = List.of(2, 5);

    /** One cell: a vendor on a step. */
    record Cell(int step, Status status, List<Finding> findings) {
    }

    private final List<Vendor> vendors;
    private final List<Integer> steps;
    private final Map<String, Map<Integer, Cell>> cells;

    private StepMatrix(List<Vendor> vendors, List<Integer> steps, Map<String, Map<Integer, Cell>> cells) {
        this.vendors = vendors;
        this.steps = steps;
        this.cells = cells;
    }

    static StepMatrix of(WorkspaceData data, CheckRun run) {
        TreeSet<Integer> steps = new TreeSet<>(CORE_STEPS);
        Map<String, Map<Integer, List<Finding>>> grouped = new HashMap<>();
        for (Finding finding : run.findings()) {
            steps.add(finding.step());
            grouped.computeIfAbsent(finding.vendorId(), v -> new HashMap<>())
                    .computeIfAbsent(finding.step(), s -> new ArrayList<>()).add(finding);
        }
        Set<Integer> brokenSteps = new HashSet<>();
        for (CheckFailure failure : run.failures()) {
            steps.add(failure.step());
            brokenSteps.add(failure.step());
        }
        Map<String, Map<Integer, Cell>> cells = new HashMap<>();
        for (Vendor vendor : data.vendors()) {
            Map<Integer, Cell> row = new HashMap<>();
            for (int step : steps) {
                List<Finding> findings = grouped.getOrDefault(vendor.id(), Map.of()).getOrDefault(step, List.of());
                Status status = findings.stream().map(Finding::status).reduce(Status.PASS, Status::worst);
                if (findings.isEmpty() || brokenSteps.contains(step)) {
                    status = findings.isEmpty() ? Status.UNKNOWN : status.worst(Status.UNKNOWN);
                }
                row.put(step, new Cell(step, status, List.copyOf(findings)));
            }
            cells.put(vendor.id(), row);
        }
        return new StepMatrix(data.vendors(), List.copyOf(steps), cells);
    }

    List<Vendor> vendors() {
        return vendors;
    }

    List<Integer> steps() {
        return steps;
    }

    /** The cell of a vendor of the workspace on one of {@link #steps()}. */
    Cell cell(String vendorId, int step) {
        Cell cell = cells.getOrDefault(vendorId, Map.of()).get(step);
        if (cell == null) {
            throw new IllegalArgumentException("no cell for vendor " + vendorId + " on step " + step);
        }
        return cell;
    }

    /** The worst status a vendor has on any step. */
    Status worst(String vendorId) {
        return cells.getOrDefault(vendorId, Map.of()).values().stream().map(Cell::status).reduce(Status.PASS,
                Status::worst);
    }
}
