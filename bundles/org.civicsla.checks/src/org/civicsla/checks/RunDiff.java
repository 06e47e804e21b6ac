package org.civicsla.checks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import org.civicsla.core.check.CheckRun;
import org.civicsla.core.check.Finding;
import org.civicsla.core.check.Status;

/** What got better or worse between two check runs, per vendor and step, with the reasons that changed. */
public final class RunDiff {

    /** How a vendor's status on a step moved. */
    public enum Direction {
        BETTER, WORSE, SAME
    }

    /** One vendor and step whose status or reasons changed. */
    public record Change(String vendorId, int step, Status before, Status after, Direction direction, List<String> newReasons,
            List<String> resolvedReasons) {
    }

    private RunDiff() {
    }

    /**
     * The vendor × step cells whose status or reasons differ between {@code older} and {@code newer}, on the steps
     * both runs checked: a step one run did not check (--steps, a plugin installed in between) is not a change.
     */
    public static List<Change> between(CheckRun older, CheckRun newer) {
        TreeMap<String, List<Finding>> before = group(older);
        TreeMap<String, List<Finding>> after = group(newer);
        Set<String> keys = new java.util.TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        Set<Integer> compared = steps(older);
        compared.retainAll(steps(newer));
        List<Change> changes = new ArrayList<>();
        for (String key : keys) {
            if (!compared.contains(Integer.parseInt(key.substring(key.indexOf('\u0000') + 1)))) {
                continue;
            }
            List<Finding> was = before.getOrDefault(key, List.of());
            List<Finding> is = after.getOrDefault(key, List.of());
            Status from = was.stream().map(Finding::status).reduce(Status.PASS, Status::worst);
            Status to = is.stream().map(Finding::status).reduce(Status.PASS, Status::worst);
            if (was.isEmpty()) {
                from = Status.UNKNOWN;
            }
            if (is.isEmpty()) {
                to = Status.UNKNOWN;
            }
            Set<String> oldReasons = reasons(was);
            Set<String> newReasons = reasons(is);
            List<String> added = newReasons.stream().filter(r -> !oldReasons.contains(r)).toList();
            List<String> resolved = oldReasons.stream().filter(r -> !newReasons.contains(r)).toList();
            if (from == to && added.isEmpty() && resolved.isEmpty()) {
                continue;
            }
            Direction direction = to.compareTo(from) > 0 ? Direction.WORSE : to.compareTo(from) < 0 ? Direction.BETTER
                    : Direction.SAME;
            String[] parts = key.split("\u0000");
            changes.add(new Change(parts[0], Integer.parseInt(parts[1]), from, to, direction, added, resolved));
        }
        return changes;
    }

    /** The steps only one of the runs checked, which {@link #between} does not compare. */
    public static Set<Integer> notCompared(CheckRun older, CheckRun newer) {
        Set<Integer> either = steps(older);
        either.addAll(steps(newer));
        Set<Integer> both = steps(older);
        both.retainAll(steps(newer));
        either.removeAll(both);
        return either;
    }

    private static Set<Integer> steps(CheckRun run) {
        Set<Integer> steps = new java.util.TreeSet<>();
        run.findings().forEach(f -> steps.add(f.step()));
        return steps;
    }

    private static TreeMap<String, List<Finding>> group(CheckRun run) {
        TreeMap<String, List<Finding>> grouped = new TreeMap<>();
        for (Finding finding : run.findings()) {
            grouped.computeIfAbsent(finding.vendorId() + "\u0000" + finding.step(), k -> new ArrayList<>()).add(finding);
        }
        return grouped;
    }

    private static Set<String> reasons(List<Finding> findings) {
        Set<String> reasons = new LinkedHashSet<>();
        findings.forEach(f -> reasons.addAll(f.reasons()));
        return reasons;
    }
}
