package org.civicsla.bench.store;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.civicsla.io.ImportMonitor;
import org.civicsla.io.ImportReport;
import org.civicsla.io.WorkspaceImporter;
import org.civicsla.store.H2WorkspaceStore;

/**
 * Imports 100,000 devices (with the vendors and models they need) from one XLSX workbook into a fresh
 * workspace store and prints rows per second and peak heap, then re-imports the same file (which must
 * change nothing). Prints figures; not a test.
 * <p>
 * Run: {@code BENCH_JVM_OPTS=-Xmx512m bench/run.sh org.civicsla.bench.store.ImportBench [devices] [runs]}
 */
public final class ImportBench {

    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("civicsla-import-bench");
        try {
            Path xlsx = dir.resolve("city.xlsx");
            long generating = System.nanoTime();
            write(xlsx, devices);
            System.out.printf("workbook: %,d devices, %.1f MB, written in %.1f s%n", devices, Files.size(xlsx) / 1e6,
                    seconds(generating));
            System.out.printf("JVM: %s, max heap %d MB, %d processors%n", Runtime.version(),
                    Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
            for (int run = 1; run <= runs; run++) {
                Path workspace = dir.resolve("ws-" + run);
                HeapSampler heap = HeapSampler.start();
                long start = System.nanoTime();
                AtomicLong readDone = new AtomicLong();
                ImportReport report;
                try (H2WorkspaceStore store = H2WorkspaceStore.open(workspace)) {
                    report = WorkspaceImporter.importFiles(store, List.of(xlsx), false, new ImportMonitor() {
                        @Override
                        public void storing(int records) {
                            readDone.set(System.nanoTime());
                        }
                    });
                }
                long end = System.nanoTime();
                double total = (end - start) / 1e9;
                heap.stop();
                long stored = readDone.get() == 0 ? end : readDone.get();
                long rows = devices + 21L;
                System.out.printf("run %d: %,d rows in %.2f s = %,.0f rows/s (read and check %.2f s, store %.2f s); "
                        + "peak heap used %d MB (sampled), sum of pool peaks %d MB%n", run, rows, total, rows / total,
                        (stored - start) / 1e9, (end - stored) / 1e9, heap.peakMb(),
                        HeapSampler.poolPeaksMb());
                if (run == 1) {
                    System.out.print(report.summary());
                }
                try (H2WorkspaceStore store = H2WorkspaceStore.open(workspace)) {
                    long again = System.nanoTime();
                    ImportReport second = WorkspaceImporter.importFiles(store, List.of(xlsx), false, ImportMonitor.NONE);
                    System.out.printf("        re-import of the same file: %s in %.2f s%n",
                            second.changesSomething() ? "CHANGED SOMETHING (wrong)" : "nothing changed", seconds(again));
                }
            }
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A workbook in the import template: 1 vendor, 20 models, {@code devices} devices. */
    static void write(Path xlsx, int devices) throws Exception {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(1000)) {
            workbook.setCompressTempFiles(true);
            SXSSFSheet vendors = workbook.createSheet("Vendors");
            row(vendors, 0, "id", "name", "criticality");
            row(vendors, 1, "V-1", "Bench Vendor", "high");
            SXSSFSheet models = workbook.createSheet("DeviceModels");
            row(models, 0, "id", "vendor_id", "model", "end_of_support", "end_of_security_updates", "unit_cost");
            for (int m = 0; m < 20; m++) {
                row(models, m + 1, "M-" + m, "V-1", "Model " + m, "2030-06-30", "2029-06-30", "250");
            }
            SXSSFSheet sheet = workbook.createSheet("Devices");
            row(sheet, 0, "id", "model_id", "site", "district", "installed", "service_life_years", "firmware",
                    "criticality");
            for (int i = 0; i < devices; i++) {
                row(sheet, i + 1, String.format("D-%06d", i), "M-" + (i % 20), "Street " + (i % 977), "District " + (i % 8),
                        String.format("20%02d-%02d-%02d", 10 + i % 15, 1 + i % 12, 1 + i % 28), String.valueOf(8 + i % 8),
                        "1." + (i % 10) + "." + (i % 7), List.of("low", "medium", "high", "critical").get(i % 4));
            }
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                workbook.write(out);
            }
        }
    }

    private static void row(SXSSFSheet sheet, int index, String... values) {
        var row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /**
     * Peak heap in use, sampled every 5 ms, and the sum of the heap pools' own peaks (an upper bound:
     * the pools peak at different times).
     */
    static final class HeapSampler {
        private final Thread thread;
        private volatile boolean running = true;
        private volatile long peak;

        private HeapSampler() {
            thread = new Thread(() -> {
                var memory = ManagementFactory.getMemoryMXBean();
                while (running) {
                    peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
        }

        static HeapSampler start() {
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            HeapSampler sampler = new HeapSampler();
            sampler.thread.start();
            return sampler;
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long peakMb() {
            return peak >> 20;
        }

        static long poolPeaksMb() {
            long sum = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    sum += pool.getPeakUsage().getUsed();
                }
            }
            return sum >> 20;
        }
    }
}
