package org.civicsla.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.civicsla.checks.CheckEngine;
import org.civicsla.checks.LifecycleCheck;
import org.civicsla.checks.SlaSecurityCheck;
import org.civicsla.core.check.CheckRun;
import org.civicsla.core.check.ClauseEvidence;
import org.civicsla.core.check.ClauseHit;
import org.civicsla.core.check.RequirementProfiles;
import org.civicsla.core.model.Contract;
import org.civicsla.core.model.ContractStatus;
import org.civicsla.core.model.Criticality;
import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.LifecycleDate;
import org.civicsla.core.model.RenewalKind;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;
import org.civicsla.report.FindingsWorkbook;
import org.civicsla.report.PortfolioReport;
import org.civicsla.report.ReportInput;

/**
 * Steps 2 and 5 over a generated city of 1,000 vendors, 5,000 contracts and 100,000 devices, with
 * synthetic clause evidence; then the 1,000-vendor portfolio report and findings workbook.
 * Run: BENCH_JVM_OPTS=-Xmx1g bench/run.sh org.civicsla.bench.CheckBench
 */
public final class CheckBench {

    public static void main(String[] args) throws Exception {
        LocalDate asOf = LocalDate.of(2026, 11, 22);
        List<Vendor> vendors = new ArrayList<>();
        List<Contract> contracts = new ArrayList<>();
        List<DeviceModel> models = new ArrayList<>();
        List<Device> devices = new ArrayList<>();
        for (int v = 0; v < 1_000; v++) {
            vendors.add(new Vendor("V-" + v, "Vendor " + v, "Category " + v % 12, Criticality.values()[v % 4], List.of()));
            for (int c = 0; c < 5; c++) {
                contracts.add(new Contract("C-" + v + "-" + c, "V-" + v, "RIV-" + v + c, "Service",
                        Optional.of(LocalDate.of(2020 + c, 1 + v % 12, 1)), 36, RenewalKind.values()[(v + c) % 3], 12,
                        30 + 30 * (c % 3), ContractStatus.ACTIVE, Optional.of(new BigDecimal("10000.00")), "USD",
                        List.of("M-" + v), List.of()));
            }
            models.add(new DeviceModel("M-" + v, "V-" + v, "Model " + v, "Sensor", LifecycleDate.UNKNOWN,
                    LifecycleDate.of(LocalDate.of(2026 + v % 8, 6, 30), "bench"),
                    v % 10 == 0 ? LifecycleDate.UNKNOWN : LifecycleDate.of(LocalDate.of(2025 + v % 8, 6, 30), "bench"),
                    Optional.of(new BigDecimal("300.00"))));
        }
        for (int d = 0; d < 100_000; d++) {
            devices.add(new Device("D-" + d, "M-" + d % 1_000, "", "District " + d % 8,
                    Optional.of(LocalDate.of(2018 + d % 8, 1, 1)), 10, "1.0", Criticality.MEDIUM, Optional.empty(),
                    d % 7 == 0 ? Optional.of(LocalDate.of(2027, 1, 1)) : Optional.empty()));
        }
        WorkspaceData data = new WorkspaceData(vendors, contracts, List.of(), models, devices);
        // Every other contract signs every clause, with a 72-hour notification; the rest sign none.
        ClauseEvidence evidence = (contract, clause) -> contract.hashCode() % 2 == 0
                ? List.of(new ClauseHit(contract, clause, "doc.pdf", OptionalInt.of(3), "snippet", 0.9,
                        Map.of("notificationHours", "72")))
                : List.of();
        CheckEngine engine = new CheckEngine(List.of(new SlaSecurityCheck(), new LifecycleCheck()), 60_000);
        engine.run(data, asOf, RequirementProfiles.defaultProfile(), evidence, List.of(), () -> false); // warm-up
        Heap.reset();
        long start = System.nanoTime();
        CheckRun run = engine.run(data, asOf, RequirementProfiles.defaultProfile(), evidence, List.of(), () -> false);
        double full = (System.nanoTime() - start) / 1e9;
        System.out.printf("full evaluation of steps 2 and 5: 1,000 vendors, 5,000 contracts, 100,000 devices: %.3f s, "
                + "%d findings; peak heap %d MB of max %d MB%n", full, run.findings().size(), Heap.peakMb(), Heap.maxMb());
        // One contract changes: its vendor is re-checked, the other 999 keep their findings.
        List<Contract> changed = new ArrayList<>(contracts);
        Contract first = changed.get(0);
        changed.set(0, new Contract(first.id(), first.vendorId(), first.number(), first.type(), first.start(), 48,
                first.renewal(), first.renewalPeriodMonths(), 90, first.status(), first.value(), first.currency(),
                first.covers(), first.documents()));
        WorkspaceData edited = new WorkspaceData(vendors, changed, List.of(), models, devices);
        for (int i = 0; i < 3; i++) {
            engine.recheck(run, edited, java.util.Set.of(first.vendorId()), evidence, List.of(), () -> false);
        }
        long again = System.nanoTime();
        CheckRun rechecked = engine.recheck(run, edited, java.util.Set.of(first.vendorId()), evidence, List.of(), () -> false);
        double recheck = (System.nanoTime() - again) / 1e9;
        CheckRun full2 = engine.run(edited, asOf, RequirementProfiles.defaultProfile(), evidence, List.of(), () -> false);
        System.out.printf("re-check after one contract changes: %.1f ms (%d findings; same as a full run: %s)%n", recheck * 1000,
                rechecked.findings().size(), new java.util.HashSet<>(rechecked.findings()).equals(new java.util.HashSet<>(full2.findings())));

        Path dir = Files.createTempDirectory("civicsla-report-bench");
        Heap.reset();
        long report = System.nanoTime();
        ReportInput input = new ReportInput("bench-city", data, run, Optional.empty());
        PortfolioReport.write(input, dir.resolve("report.pdf"), () -> false);
        double pdfSeconds = (System.nanoTime() - report) / 1e9;
        long workbook = System.nanoTime();
        FindingsWorkbook.write(input, dir.resolve("findings.xlsx"));
        System.out.printf("portfolio report of 1,000 vendors: %.2f s (%.1f MB PDF); findings workbook %.2f s; peak heap %d MB%n",
                pdfSeconds, Files.size(dir.resolve("report.pdf")) / 1e6, (System.nanoTime() - workbook) / 1e9, Heap.peakMb());
    }
}
