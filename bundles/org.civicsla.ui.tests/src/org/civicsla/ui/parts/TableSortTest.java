package org.civicsla.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The order the tables' headers sort by: what a reviewer expects, not the strings' order. */
class TableSortTest {

    private static List<String> sorted(String... cells) {
        List<String> list = new ArrayList<>(List.of(cells));
        list.sort(TableSort::compareCells);
        return list;
    }

    @Test
    void countsAndAmountsSortAsNumbers() {
        assertEquals(List.of("0", "95", "680", "2400"), sorted("95", "2400", "0", "680"));
        assertEquals(List.of("84,030.00", "766,655.00", "1,344,000.50"), sorted("766,655.00", "1,344,000.50", "84,030.00"));
    }

    @Test
    void wordsComeAfterNumbers() {
        assertEquals(List.of("12", "unknown"), sorted("unknown", "12"));
    }

    @Test
    void statusesSortWorstFirst() {
        assertEquals(List.of("fail", "warning", "unknown", "pass"), sorted("pass", "unknown", "fail", "warning"));
    }

    @Test
    void deviceModelSupportSortsWorstFirst() {
        // Alphabetically "unsupported" came last, below every model still supported.
        assertEquals(List.of("unsupported", "ending within horizon", "unknown", "supported"),
                sorted("supported", "unknown", "unsupported", "ending within horizon"));
    }

    @Test
    void isoDatesAndNamesSortAsText() {
        assertEquals(List.of("2026-09-30", "2027-01-01", "2028-06-30"), sorted("2028-06-30", "2026-09-30", "2027-01-01"));
        assertEquals(List.of("aurora", "Beacon", "civic"), sorted("civic", "aurora", "Beacon"));
        // Letters with accents among their base letters, not after "z" as by character code.
        assertEquals(List.of("Harbourview CCTV", "Łódź Smart Grid", "Tidewater", "Zephyr"),
                sorted("Tidewater", "Zephyr", "Łódź Smart Grid", "Harbourview CCTV"));
        assertEquals(List.of("Ebb", "Écluse", "Fjord"), sorted("Fjord", "Écluse", "Ebb"));
    }
}
