package org.civicsla.bench.report;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.civicsla.core.check.CheckRun;
import org.civicsla.core.check.Evidence;
import org.civicsla.core.check.Finding;
import org.civicsla.core.check.Requirement;
import org.civicsla.core.check.RequirementProfile;
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
import org.civicsla.report.FindingsWorkbook;
import org.civicsla.report.PortfolioReport;
import org.civicsla.report.ReportInput;
import org.civicsla.report.ReportMonitor;
import org.civicsla.report.VendorEvidencePack;

/**
 * The portfolio report of a generated 1,000-vendor city (5,000 contracts, 100,000 devices; about
 * 60% of vendors failing, each with quoted clause passages), then its findings workbook and one
 * vendor's evidence pack: seconds and peak heap of each. The check run is built by hand, so the
 * figures are the reports' alone. Goal: the portfolio report under 10 s.
 * Run: BENCH_JVM_OPTS=-Xmx1g bench/run.sh org.civicsla.bench.report.ReportBench [vendors] [runs]
 * (add -Dreport.bench.keep=true to the options to keep the PDF and XLSX for a look).
 */
public final class ReportBench {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
    private static final String PASSAGE = "The Supplier shall notify the City of any Security Incident affecting City "
            + "Data without undue delay and in any event within seventy-two (72) hours of becoming aware of it, and "
            + "shall provide all information reasonably requested by the City, including the nature of the incident, "
            + "the categories and approximate number of data subjects and records concerned, the likely consequences "
            + "and the measures taken or proposed to address the incident and mitigate its possible adverse effects. ";

    private ReportBench() {
    }

    public static void main(String[] args) throws Exception {
        int vendorCount = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ReportInput input = new ReportInput("bench-city", workspace(vendorCount), run(vendorCount), Optional.empty());
        Path dir = Files.createTempDirectory("civicsla-report-bench");
        long failing = input.run().findings().stream().filter(f -> f.status() == Status.FAIL).map(Finding::vendorId)
                .distinct().count();
        System.out.printf("workspace: %,d vendors (%,d failing), %,d contracts, %,d devices, %,d findings, %,d evidence items%n",
                vendorCount, failing, input.data().contracts().size(), input.data().devices().size(),
                input.run().findings().size(), input.run().findings().stream().mapToInt(f -> f.evidence().size()).sum());
        Path pdf = dir.resolve("report.pdf");
        Path xlsx = dir.resolve("findings.xlsx");
        Path pack = dir.resolve("pack.pdf");
        for (int i = 1; i <= runs; i++) {
            // The first run includes class loading and JIT warm-up: what a command-line user waits for.
            resetPeak();
            long start = System.nanoTime();
            PortfolioReport.write(input, pdf, ReportMonitor.NONE);
            double pdfSeconds = (System.nanoTime() - start) / 1e9;
            long pdfPeak = peakMb();
            resetPeak();
            start = System.nanoTime();
            FindingsWorkbook.write(input, xlsx);
            double xlsxSeconds = (System.nanoTime() - start) / 1e9;
            long xlsxPeak = peakMb();
            start = System.nanoTime();
            VendorEvidencePack.write(new ReportInput("bench-city", input.data(), input.run(), Optional.of("V-1")), pack,
                    ReportMonitor.NONE);
            double packSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("run %d: portfolio PDF %.2f s (%,d KB, peak heap %d MB); findings XLSX %.2f s (%,d KB, "
                    + "peak heap %d MB); one-vendor evidence pack %.3f s%n", i, pdfSeconds, Files.size(pdf) / 1024, pdfPeak,
                    xlsxSeconds, Files.size(xlsx) / 1024, xlsxPeak, packSeconds);
        }
        System.out.printf("max heap %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
        if (Boolean.getBoolean("report.bench.keep")) {
            System.out.println("output kept in " + dir);
        } else {
            for (Path file : List.of(pdf, xlsx, pack, dir)) {
                Files.deleteIfExists(file);
            }
        }
    }

    static WorkspaceData workspace(int vendorCount) {
        List<Vendor> vendors = new ArrayList<>();
        List<Contract> contracts = new ArrayList<>();
        List<DeviceModel> models = new ArrayList<>();
        List<Device> devices = new ArrayList<>();
        for (int v = 0; v < vendorCount; v++) {
            // Every seventh vendor has a name outside Latin-1, as real portfolios do.
            String name = v % 7 == 0 ? "Łódź Smart Grid " + v + " Sp. z o.o." : "Vendor " + v + " Municipal Services";
            vendors.add(new Vendor("V-" + v, name, "Category " + v % 12, Criticality.values()[v % 4], List.of()));
            for (int c = 0; c < 5; c++) {
                contracts.add(new Contract("C-" + v + "-" + c, "V-" + v, "RIV-" + v + "-" + c, "Service",
                        Optional.of(LocalDate.of(2020 + c, 1 + v % 12, 1)), 36, RenewalKind.values()[(v + c) % 3], 12,
                        30 + 30 * (c % 3), ContractStatus.ACTIVE, Optional.of(new BigDecimal("10000.00")), "EUR", List.of(),
                        List.of()));
            }
            for (int m = 0; m < 3; m++) {
                models.add(new DeviceModel("M-" + v + "-" + m, "V-" + v, "Model " + v + "-" + m, "Sensor",
                        LifecycleDate.UNKNOWN, LifecycleDate.of(LocalDate.of(2026 + (v + m) % 8, 6, 30), "bench"),
                        (v + m) % 10 == 0 ? LifecycleDate.UNKNOWN
                                : LifecycleDate.of(LocalDate.of(2025 + (v + m) % 9, 3, 31), "bench"),
                        Optional.of(new BigDecimal("300.00"))));
            }
        }
        for (int d = 0; d < vendorCount * 100; d++) {
            int v = d % vendorCount;
            devices.add(new Device("D-" + d, "M-" + v + "-" + d % 3, "", "District " + d % 8,
                    Optional.of(LocalDate.of(2018 + d % 8, 1, 1)), 10, "1.0", Criticality.MEDIUM, Optional.empty(),
                    d % 7 == 0 ? Optional.of(LocalDate.of(2027, 1, 1)) : Optional.empty()));
        }
        return new WorkspaceData(vendors, contracts, List.of(), models, devices);
    }

    static CheckRun run(int vendorCount) {
        RequirementProfile profile = RequirementProfiles.defaultProfile();
        List<Finding> findings = new ArrayList<>();
        for (int v = 0; v < vendorCount; v++) {
            String vendor = "V-" + v;
            boolean fails = v % 5 < 3;
            List<String> reasons = new ArrayList<>();
            List<Evidence> evidence = new ArrayList<>();
            for (int c = 0; c < 5; c++) {
                for (int r = 0; r < profile.requirements().size(); r++) {
                    Requirement requirement = profile.requirements().get(r);
                    String clause = "C-" + v + "-" + c + ": " + requirement.clauseType();
                    if (fails && (c + r) % 4 == 0) {
                        reasons.add(clause + " is missing");
                    } else if (r % 3 == 0) {
                        evidence.add(new Evidence(Evidence.Kind.CLAUSE_PASSAGE, clause,
                                Optional.of("documents/C-" + v + "-" + c + ".pdf"), OptionalInt.of(1 + r), PASSAGE));
                    }
                }
            }
            if (reasons.isEmpty()) {
                reasons.add("every active contract carries the required clauses");
            }
            findings.add(new Finding("step2-sla-security", 2, vendor, Optional.empty(), Optional.empty(),
                    fails ? Status.FAIL : Status.PASS, fails ? Severity.HIGH : Severity.INFO, reasons, evidence));
            Status lifecycle = v % 4 == 0 ? Status.FAIL : v % 4 == 1 ? Status.WARNING : Status.PASS;
            findings.add(new Finding("step5-lifecycle", 5, vendor, Optional.empty(), Optional.empty(), lifecycle,
                    Severity.MEDIUM, List.of("100 devices of 3 models; " + lifecycle.name().toLowerCase() + " by the plan"),
                    List.of(Evidence.of(Evidence.Kind.DATE, "Model " + v + "-0: end of security updates"))));
        }
        return new CheckRun(Instant.parse("2026-11-22T09:30:00Z"), AS_OF, profile, findings, List.of());
    }

    private static void resetPeak() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks: an upper bound of the peak heap in use (pools peak at different times). */
    private static long peakMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes >> 20;
    }
}
