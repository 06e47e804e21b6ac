package org.civicsla.core.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.civicsla.core.lifecycle.SupportEndChart.Bar;
import org.civicsla.core.lifecycle.SupportEndChart.Period;
import org.civicsla.core.lifecycle.SupportEndChart.Split;
import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.LifecycleDate;
import org.civicsla.core.model.Milestone;
import org.civicsla.core.model.WorkspaceData;
import org.junit.jupiter.api.Test;

class SupportEndChartTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 2);

    private static DeviceModel model(String id, String name, LocalDate support, LocalDate security) {
        return new DeviceModel(id, "V-1", name, "Camera", LifecycleDate.UNKNOWN,
                support == null ? LifecycleDate.UNKNOWN : LifecycleDate.of(support, "test"),
                security == null ? LifecycleDate.UNKNOWN : LifecycleDate.of(security, "test"), Optional.empty());
    }

    private static final List<DeviceModel> MODELS = List.of(
            model("M-1", "Cam 100", LocalDate.of(2027, 2, 28), LocalDate.of(2026, 12, 31)),
            model("M-2", "Cam 200", LocalDate.of(2027, 11, 30), LocalDate.of(2027, 11, 30)),
            model("M-3", "Router X", LocalDate.of(2029, 5, 1), null),
            model("M-4", "Sensor", null, null));

    private static WorkspaceData devices() {
        List<Device> devices = new ArrayList<>();
        String[][] plan = { { "M-1", "Harbour", "3" }, { "M-1", "Old Town", "1" }, { "M-2", "Harbour", "2" },
                { "M-3", "Hill", "4" }, { "M-4", "Hill", "5" } };
        int n = 0;
        for (String[] p : plan) {
            for (int i = 0; i < Integer.parseInt(p[2]); i++) {
                devices.add(new Device("D-" + n++, p[0], "", p[1], Optional.empty(), 10, "", null, Optional.empty(), Optional.empty()));
            }
        }
        return new WorkspaceData(List.of(), List.of(), List.of(), MODELS, devices);
    }

    @Test
    void perYearCountsEveryDeviceWithAKnownDateOnce() {
        SupportEndChart chart = SupportEndChart.of(devices(), Milestone.END_OF_SUPPORT, Period.YEAR, Split.NONE, 6, AS_OF);
        assertEquals(List.of(SupportEndChart.ALL), chart.groups());
        // Every year from the as-of one, empty years too, after the bar of support already ended.
        assertEquals(List.of(new Bar("ended", LocalDate.MIN, List.of(0)), new Bar("2026", LocalDate.of(2026, 1, 1), List.of(0)),
                new Bar("2027", LocalDate.of(2027, 1, 1), List.of(6)), new Bar("2028", LocalDate.of(2028, 1, 1), List.of(0)),
                new Bar("2029", LocalDate.of(2029, 1, 1), List.of(4))), chart.bars());
        assertEquals(5, chart.unknown());
        // Later, what has ended is one bar, apart from the devices whose support ends later that same year.
        SupportEndChart later = SupportEndChart.of(devices(), Milestone.END_OF_SUPPORT, Period.YEAR, Split.NONE, 6,
                LocalDate.of(2027, 6, 1));
        assertEquals(List.of("ended 4", "2027 2", "2028 0", "2029 4"),
                later.bars().stream().map(b -> b.label() + " " + b.total()).toList());
        assertEquals(true, later.bars().get(0).ended());
    }

    @Test
    void perQuarterByDistrictSplitsEachBar() {
        SupportEndChart chart = SupportEndChart.of(devices(), Milestone.END_OF_SUPPORT, Period.QUARTER, Split.DISTRICT, 6, AS_OF);
        assertEquals(List.of("Harbour", "Hill", "Old Town"), chart.groups());
        List<Bar> filled = chart.bars().stream().filter(b -> b.total() > 0).toList();
        assertEquals(List.of("2027-Q1", "2027-Q4", "2029-Q2"), filled.stream().map(Bar::label).toList());
        assertEquals(List.of(3, 0, 1), filled.get(0).counts());
        assertEquals(List.of(2, 0, 0), filled.get(1).counts());
        assertEquals(List.of(0, 4, 0), filled.get(2).counts());
        assertEquals(1 + 11, chart.bars().size(), "ended, then every quarter from 2026-Q4 to 2029-Q2");
    }

    @Test
    void theMilestoneDecidesTheDate() {
        SupportEndChart chart = SupportEndChart.of(devices(), Milestone.END_OF_SECURITY_UPDATES, Period.YEAR, Split.MODEL, 6, AS_OF);
        assertEquals(List.of("Cam 100", "Cam 200"), chart.groups());
        assertEquals(List.of(new Bar("ended", LocalDate.MIN, List.of(0, 0)), new Bar("2026", LocalDate.of(2026, 1, 1), List.of(4, 0)),
                new Bar("2027", LocalDate.of(2027, 1, 1), List.of(0, 2))), chart.bars());
        assertEquals(9, chart.unknown(), "Router X has no end of security updates, Sensor no date at all");
    }

    @Test
    void smallGroupsFoldIntoOther() {
        SupportEndChart chart = SupportEndChart.of(devices(), Milestone.END_OF_SUPPORT, Period.YEAR, Split.MODEL, 2, AS_OF);
        assertEquals(List.of("Cam 100", SupportEndChart.OTHER), chart.groups());
        assertEquals(List.of(List.of(0, 0), List.of(0, 0), List.of(4, 2), List.of(0, 0), List.of(0, 4)),
                chart.bars().stream().map(Bar::counts).toList());
        assertThrows(IllegalArgumentException.class,
                () -> SupportEndChart.of(devices(), Milestone.END_OF_SUPPORT, Period.YEAR, Split.MODEL, 0, AS_OF));
    }
}
