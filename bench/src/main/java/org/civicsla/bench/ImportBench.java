package org.civicsla.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.civicsla.io.ImportReport;
import org.civicsla.io.WorkspaceImporter;
import org.civicsla.store.H2WorkspaceStore;

/**
 * Imports 100,000 devices (and the vendors and models they need) from one XLSX into a fresh store and
 * prints rows per second and peak heap. Run: BENCH_JVM_OPTS=-Xmx512m bench/run.sh org.civicsla.bench.ImportBench [rows]
 */
public final class ImportBench {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("civicsla-import-bench");
        try {
            Path xlsx = dir.resolve("devices.xlsx");
            long generate = System.nanoTime();
            try (SXSSFWorkbook workbook = new SXSSFWorkbook(1000)) {
                SXSSFSheet vendors = workbook.createSheet("Vendors");
                row(vendors, 0, "id", "name", "criticality");
                row(vendors, 1, "V-1", "Bench Vendor", "high");
                SXSSFSheet models = workbook.createSheet("DeviceModels");
                row(models, 0, "id", "vendor_id", "model", "end_of_support", "end_of_security_updates", "unit_cost");
                for (int m = 0; m < 20; m++) {
                    row(models, m + 1, "M-" + m, "V-1", "Model " + m, "2030-06-30", "2029-06-30", "250");
                }
                SXSSFSheet devices = workbook.createSheet("Devices");
                row(devices, 0, "id", "model_id", "site", "district", "installed", "service_life_years", "firmware", "criticality");
                for (int i = 0; i < rows; i++) {
                    row(devices, i + 1, "D-" + i, "M-" + (i % 20), "Street " + (i % 977), "District " + (i % 8),
                            "2020-" + String.format("%02d", 1 + i % 12) + "-01", "10", "1." + (i % 10), "medium");
                }
                try (OutputStream out = Files.newOutputStream(xlsx)) {
                    workbook.write(out);
                }
            }
            System.out.printf("generated %,d device rows (%.1f MB XLSX) in %.1f s%n", rows, Files.size(xlsx) / 1e6,
                    (System.nanoTime() - generate) / 1e9);
            Heap.reset();
            long start = System.nanoTime();
            ImportReport report;
            try (H2WorkspaceStore store = H2WorkspaceStore.open(dir.resolve("ws"))) {
                report = WorkspaceImporter.importFiles(store, List.of(xlsx), false, () -> false);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.print(report.summary());
            System.out.printf("import: %,d device rows in %.2f s = %,.0f rows/s; peak heap %d MB of max %d MB%n", rows, seconds,
                    rows / seconds, Heap.peakMb(), Heap.maxMb());
            try (H2WorkspaceStore store = H2WorkspaceStore.open(dir.resolve("ws"))) {
                long again = System.nanoTime();
                ImportReport second = WorkspaceImporter.importFiles(store, List.of(xlsx), false, () -> false);
                System.out.printf("re-import of the same file: %s in %.2f s%n",
                        second.changesSomething() ? "CHANGED SOMETHING" : "nothing changed", (System.nanoTime() - again) / 1e9);
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void row(SXSSFSheet sheet, int index, String... values) {
        var row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }
}
