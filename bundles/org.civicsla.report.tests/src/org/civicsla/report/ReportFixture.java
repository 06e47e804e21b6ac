package org.civicsla.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.civicsla.core.check.CheckFailure;
import org.civicsla.core.check.CheckRun;
import org.civicsla.core.check.Evidence;
import org.civicsla.core.check.Finding;
import org.civicsla.core.check.RequirementProfiles;
import org.civicsla.core.check.Severity;
import org.civicsla.core.check.Status;
import org.civicsla.core.model.Contract;
import org.civicsla.core.model.ContractStatus;
import org.civicsla.core.model.Criticality;
import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.LifecycleDate;
import org.civicsla.core.model.RenewalKind;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;

/**
 * A small workspace and check run built by hand: three vendors (two failing, one with a Polish name;
 * one named like a spreadsheet formula), clauses found with document and page, devices whose
 * security updates have ended, end soon or end later, and a contract with a notice deadline.
 */
final class ReportFixture {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
    static final String POLISH = "Łódź Smart Grid Sp. z o.o.";
    static final String FORMULA = "=cmd|' /C calc'!A0";
    static final String AUDIT_QUOTE = "The City shall have the right to audit the Supplier's records and systems "
            + "once a year on 30 days' notice.";
    static final String POLISH_QUOTE = "Dostawca zapewni reagowanie na incydenty bezpieczeństwa 24/7 — "
            + "Müller Verkehrstechnik als Unterauftragnehmer.";

    private ReportFixture() {
    }

    static ReportInput input(Optional<String> vendor) {
        return new ReportInput("riverton", data(), run(List.of()), vendor);
    }

    static WorkspaceData data() {
        List<Vendor> vendors = List.of(new Vendor("V-1", "Harbourview CCTV", "Cameras", Criticality.HIGH, List.of()),
                new Vendor("V-2", POLISH, "Grid", Criticality.CRITICAL, List.of()),
                new Vendor("V-3", FORMULA, "Tricky", Criticality.LOW, List.of()));
        // Started 2024-01-01 for 36 months, renewing by itself, 30 days' notice: the deadline is 2026-12-01.
        Contract cameras = new Contract("C-1", "V-1", "RIV-1", "Service", Optional.of(LocalDate.of(2024, 1, 1)), 36,
                RenewalKind.AUTOMATIC, 12, 30, ContractStatus.ACTIVE, Optional.empty(), "", List.of(), List.of());
        Contract grid = new Contract("C-2", "V-2", "RIV-2", "Service", Optional.of(LocalDate.of(2025, 1, 1)), 120,
                RenewalKind.NONE, 0, 90, ContractStatus.ACTIVE, Optional.empty(), "", List.of(), List.of());
        DeviceModel camera = new DeviceModel("M-1", "V-1", "HV-4K", "Camera", LifecycleDate.UNKNOWN, LifecycleDate.UNKNOWN,
                LifecycleDate.of(LocalDate.of(2027, 6, 30), "Harbourview notice"), Optional.of(new BigDecimal("890.00")));
        DeviceModel oldCamera = new DeviceModel("M-2", "V-1", "HV-HD", "Camera", LifecycleDate.UNKNOWN,
                LifecycleDate.UNKNOWN, LifecycleDate.of(LocalDate.of(2025, 1, 31), "Harbourview notice"), Optional.empty());
        DeviceModel meter = new DeviceModel("M-3", "V-2", "ŁSG-Meter 3", "Meter", LifecycleDate.UNKNOWN,
                LifecycleDate.UNKNOWN, LifecycleDate.of(LocalDate.of(2031, 3, 31), "datasheet"), Optional.empty());
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // One replacement planned before the security updates end, in time.
            devices.add(device("D-" + i, "M-1", i == 0 ? LocalDate.of(2027, 3, 1) : null));
        }
        devices.add(device("D-OLD-1", "M-2", null));
        // Planned after the end (2025-01-31): unsupported until then, which the report does not count as planned.
        devices.add(device("D-OLD-2", "M-2", LocalDate.of(2027, 6, 30)));
        for (int i = 0; i < 3; i++) {
            devices.add(device("D-MTR-" + i, "M-3", null));
        }
        return new WorkspaceData(vendors, List.of(cameras, grid), List.of(), List.of(camera, oldCamera, meter), devices);
    }

    private static Device device(String id, String model, LocalDate plannedReplacement) {
        return new Device(id, model, "", "Harbour", Optional.of(LocalDate.of(2022, 1, 1)), 10, "1", Criticality.MEDIUM,
                Optional.empty(), Optional.ofNullable(plannedReplacement));
    }

    static CheckRun run(List<CheckFailure> failures) {
        List<Finding> findings = List.of(
                new Finding("step2", 2, "V-1", Optional.empty(), Optional.empty(), Status.FAIL, Severity.HIGH,
                        List.of("C-1: Breach Notification is missing"),
                        List.of(new Evidence(Evidence.Kind.CLAUSE_PASSAGE, "C-1: Audit Rights",
                                Optional.of("documents/C-1.pdf"), OptionalInt.of(7), AUDIT_QUOTE))),
                new Finding("step5", 5, "V-1", Optional.empty(), Optional.empty(), Status.FAIL, Severity.HIGH,
                        List.of("12 devices of HV-4K reach end of security updates on 2027-06-30, before their planned "
                                + "service end, with no replacement planned"),
                        List.of(new Evidence(Evidence.Kind.DATE, "HV-4K: end of security updates 2027-06-30",
                                Optional.empty(), OptionalInt.empty(), "devices: D-0, D-1"))),
                new Finding("step2", 2, "V-2", Optional.empty(), Optional.empty(), Status.FAIL, Severity.HIGH,
                        List.of("C-2: Liquidated Damages is missing"),
                        List.of(new Evidence(Evidence.Kind.CLAUSE_PASSAGE, "C-2: Security Incident Response 24x7",
                                Optional.of("documents/umowa-łódź.pdf"), OptionalInt.of(3), POLISH_QUOTE))),
                new Finding("step5", 5, "V-2", Optional.empty(), Optional.empty(), Status.PASS, Severity.LOW,
                        List.of("3 devices supported beyond the planning horizon"), List.of()),
                new Finding("step2", 2, "V-3", Optional.empty(), Optional.empty(), Status.PASS, Severity.INFO,
                        List.of("=SUM(A1:A9) every active contract carries the required clauses"), List.of()),
                new Finding("step5", 5, "V-3", Optional.empty(), Optional.empty(), Status.UNKNOWN, Severity.INFO,
                        List.of("no devices"), List.of()));
        return new CheckRun(Instant.parse("2026-11-22T09:30:00Z"), AS_OF, RequirementProfiles.defaultProfile(), findings,
                failures);
    }
}
