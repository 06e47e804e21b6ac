package org.civicsla.core.lifecycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.Milestone;
import org.civicsla.core.model.WorkspaceData;

/**
 * The numbers behind the chart "devices reaching end of support": devices whose support has ended by the as-of
 * day in one bar ({@link #ENDED}), then every year or quarter from the as-of one to the last, empty ones included
 * so the time axis is even, each counting the devices whose model's support ends in it, split by model or by
 * district. The portfolio report counts the same way, so the screen and the report show the same figures. Small groups are folded
 * into "other" so that a chart stays readable; devices whose model has no known date are counted apart,
 * since an unknown date is itself a finding of step 5.
 */
public record SupportEndChart(Period period, Split split, List<String> groups, List<Bar> bars, int unknown) {

    public enum Period {
        YEAR, QUARTER
    }

    public enum Split {
        NONE, MODEL, DISTRICT
    }

    /** One bar: its period label ("2027" or "2027-Q3"), its first day, and the count per group (in group order). */
    public record Bar(String label, LocalDate start, List<Integer> counts) {
        public Bar {
            counts = List.copyOf(counts);
        }

        public int total() {
            return counts.stream().mapToInt(Integer::intValue).sum();
        }

        /** Whether this is the bar of the devices whose support has ended already. */
        public boolean ended() {
            return ENDED.equals(label);
        }
    }

    /** Label of the first bar: support ended on or before the as-of day. */
    public static final String ENDED = "ended";

    public static final String OTHER = "other";
    public static final String ALL = "devices";

    public SupportEndChart {
        groups = List.copyOf(groups);
        bars = List.copyOf(bars);
    }

    /**
     * Counts {@code data}'s devices by when support ends ({@code milestone}); at most {@code maxGroups}
     * groups, the largest by device count, the rest as {@link #OTHER}.
     */
    public static SupportEndChart of(WorkspaceData data, Milestone milestone, Period period, Split split, int maxGroups,
            LocalDate asOf) {
        if (maxGroups < 1) {
            throw new IllegalArgumentException("maxGroups must be at least 1: " + maxGroups);
        }
        Map<String, DeviceModel> models = new HashMap<>();
        data.deviceModels().forEach(m -> models.put(m.id(), m));
        Function<Device, String> groupOf = switch (split) {
            case NONE -> d -> ALL;
            case MODEL -> d -> Optional.ofNullable(models.get(d.modelId())).map(DeviceModel::model).filter(s -> !s.isBlank())
                    .orElse(d.modelId());
            case DISTRICT -> d -> d.district().isBlank() ? "(no district)" : d.district();
        };
        TreeMap<LocalDate, Map<String, Integer>> counts = new TreeMap<>();
        Map<String, Integer> groupTotals = new HashMap<>();
        int unknown = 0;
        for (Device device : data.devices()) {
            Optional<LocalDate> end = Optional.ofNullable(models.get(device.modelId()))
                    .flatMap(m -> SupportStatus.supportEnd(m, milestone));
            if (end.isEmpty()) {
                unknown++;
                continue;
            }
            String group = groupOf.apply(device);
            // Ended by the as-of day: one bar, however long ago (LocalDate.MIN keeps it first).
            LocalDate bucket = end.get().isAfter(asOf) ? startOf(end.get(), period) : LocalDate.MIN;
            counts.computeIfAbsent(bucket, k -> new HashMap<>()).merge(group, 1, Integer::sum);
            groupTotals.merge(group, 1, Integer::sum);
        }
        List<String> ranked = groupTotals.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        List<String> groups = new ArrayList<>(ranked.size() > maxGroups ? ranked.subList(0, maxGroups - 1) : ranked);
        boolean folded = ranked.size() > maxGroups;
        if (folded) {
            groups.add(OTHER);
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            index.put(groups.get(i), i);
        }
        List<Bar> bars = new ArrayList<>();
        if (counts.isEmpty()) {
            return new SupportEndChart(period, split, groups, bars, unknown);
        }
        // Every period from the as-of one to the last, empty ones too: a year left out made the axis uneven.
        List<LocalDate> periods = new ArrayList<>();
        periods.add(LocalDate.MIN);
        LocalDate last = counts.lastKey().equals(LocalDate.MIN) ? startOf(asOf, period) : counts.lastKey();
        for (LocalDate p = startOf(asOf, period); !p.isAfter(last); p = period == Period.YEAR ? p.plusYears(1) : p.plusMonths(3)) {
            periods.add(p);
        }
        for (LocalDate start : periods) {
            int[] perGroup = new int[groups.size()];
            counts.getOrDefault(start, Map.of()).forEach((group, n) -> perGroup[index.getOrDefault(group, groups.size() - 1)] += n);
            bars.add(new Bar(start.equals(LocalDate.MIN) ? ENDED : label(start, period), start,
                    java.util.Arrays.stream(perGroup).boxed().toList()));
        }
        return new SupportEndChart(period, split, groups, bars, unknown);
    }

    static LocalDate startOf(LocalDate date, Period period) {
        return period == Period.YEAR ? date.withDayOfYear(1)
                : LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }

    static String label(LocalDate start, Period period) {
        return period == Period.YEAR ? Integer.toString(start.getYear())
                : start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
    }
}
