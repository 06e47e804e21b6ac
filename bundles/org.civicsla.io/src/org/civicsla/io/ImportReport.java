package org.civicsla.io;

import java.util.Map;

/**
 * What an import changed (or, for a dry run, would change): per kind of record, how many are new,
 * how many differ from what is stored and how many are already stored as they are.
 */
public record ImportReport(boolean dryRun, Map<Entity, Counts> counts) {

    public record Counts(int added, int changed, int unchanged) {
    }

    public ImportReport {
        counts = Map.copyOf(counts);
    }

    /** Whether applying the file changes (or changed) anything at all. */
    public boolean changesSomething() {
        return counts.values().stream().anyMatch(c -> c.added() + c.changed() > 0);
    }

    /** One line per kind of record, in template order, e.g. "Devices: 12 added, 3 changed, 4985 unchanged". */
    public String summary() {
        StringBuilder text = new StringBuilder(dryRun ? "Dry run (nothing stored):\n" : "");
        for (Entity entity : Entity.values()) {
            Counts c = counts.get(entity);
            if (c != null) {
                text.append(String.format("  %-13s %6d added, %6d changed, %6d unchanged%n", entity.sheet() + ":",
                        c.added(), c.changed(), c.unchanged()));
            }
        }
        return text.toString();
    }
}
