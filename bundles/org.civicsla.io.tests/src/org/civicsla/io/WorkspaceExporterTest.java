package org.civicsla.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civicsla.core.files.FormulaSafety;
import org.civicsla.core.model.ClauseRecord;
import org.civicsla.core.model.ClauseSource;
import org.civicsla.core.model.ClauseState;
import org.civicsla.core.model.Contact;
import org.civicsla.core.model.Contract;
import org.civicsla.core.model.ContractStatus;
import org.civicsla.core.model.Criticality;
import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.DocumentRef;
import org.civicsla.core.model.LifecycleDate;
import org.civicsla.core.model.RenewalKind;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;
import org.civicsla.core.store.ChangeSet;
import org.civicsla.store.H2WorkspaceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything a workspace can hold survives export and re-import unchanged; nothing is written as a formula. */
class WorkspaceExporterTest {

    @TempDir
    Path dir;

    private static final List<String> FORMULA_LIKE = List.of("=HYPERLINK(\"http://evil.example\",\"click\")",
            "+1 555 0100", "-2+3", "@SUM(A1:A9)");

    /** A workspace using every field, several contacts and titled documents, and formula-like text everywhere. */
    private static WorkspaceData everything() {
        Vendor lumen = new Vendor("V-1", "Lumen Streetlights", "Lighting", Criticality.HIGH,
                List.of(new Contact("Ana Ruiz", "Security contact", "ana@lumen.example", FORMULA_LIKE.get(1)),
                        new Contact("Ben Ode", "Account manager", "", ""),
                        new Contact("", "", "", "+44 20 7946 0000")));
        Vendor evil = new Vendor("V-2", FORMULA_LIKE.get(0), FORMULA_LIKE.get(3), Criticality.CRITICAL, List.of());
        Contract lighting = new Contract("C-1", "V-1", "RIV-2024-001", FORMULA_LIKE.get(2),
                Optional.of(LocalDate.of(2024, 1, 31)), 36, RenewalKind.AUTOMATIC, 12, 90, ContractStatus.ACTIVE,
                Optional.of(new BigDecimal("125000.50")), "USD", List.of("M-1", "street lighting"),
                List.of(new DocumentRef("C-1", "documents/C-1.txt", "Master agreement"),
                        new DocumentRef("C-1", "documents/C-1-annex.pdf", ""),
                        new DocumentRef("C-1", "documents/C-1-sla.docx", "=Schedule 2")));
        Contract odd = new Contract("C-2", "V-2", "", "", Optional.empty(), 0, RenewalKind.EXPRESS, 0, 0,
                ContractStatus.DRAFT, Optional.of(new BigDecimal("123456789012345678.25")), "EUR", List.of(),
                List.of(new DocumentRef("C-2", "documents/a;b.txt", ""), new DocumentRef("C-2", "documents/c.txt", "C")));
        DeviceModel lamp = new DeviceModel("M-1", "V-1", "LX-200", "Streetlight controller",
                new LifecycleDate(Optional.of(LocalDate.of(2025, 6, 30)), "bulletin", Optional.of(LocalDate.of(2025, 1, 2))),
                new LifecycleDate(Optional.of(LocalDate.of(2028, 6, 30)), "bulletin", Optional.of(LocalDate.of(2026, 1, 15))),
                new LifecycleDate(Optional.empty(), "asked, no answer", Optional.of(LocalDate.of(2026, 3, 1))),
                Optional.of(new BigDecimal("480.00")));
        DeviceModel bare = new DeviceModel("M-2", "V-2", "Unknown box", "", LifecycleDate.UNKNOWN, LifecycleDate.UNKNOWN,
                LifecycleDate.UNKNOWN, Optional.empty());
        Device pole = new Device("D-1", "M-1", "Main St 12", "Harbour", Optional.of(LocalDate.of(2022, 3, 1)), 10, "4.2.1",
                Criticality.MEDIUM, Optional.of("C-1"), Optional.of(LocalDate.of(2030, 6, 30)));
        Device box = new Device("D-2", "M-2", FORMULA_LIKE.get(0), "", Optional.empty(), 0, "-1", Criticality.LOW,
                Optional.empty(), Optional.empty());
        ClauseRecord waiver = new ClauseRecord("C-1", "Penetration Test Rights", ClauseState.WAIVED, "=no city data",
                "documents/C-1.txt", "4.2", ClauseSource.MANUAL);
        return new WorkspaceData(List.of(lumen, evil), List.of(lighting, odd), List.of(waiver), List.of(lamp, bare),
                List.of(pole, box));
    }

    @Test
    void anExportReimportsToTheSameWorkspace() throws Exception {
        WorkspaceData original = everything();
        Path xlsx = dir.resolve("export.xlsx");
        try (H2WorkspaceStore source = H2WorkspaceStore.open(dir.resolve("source"))) {
            source.apply(new ChangeSet(original.vendors(), original.contracts(), original.clauses(),
                    original.deviceModels(), original.devices()));
            assertEquals(original, source.snapshot(), "the store keeps every field");
            WorkspaceExporter.export(source.snapshot(), xlsx);
        }
        try (H2WorkspaceStore copy = H2WorkspaceStore.open(dir.resolve("copy"))) {
            ImportReport first = WorkspaceImporter.importFiles(copy, List.of(xlsx), false, ImportMonitor.NONE);
            assertEquals(new ImportReport.Counts(2, 0, 0), first.counts().get(Entity.VENDORS));
            assertEquals(original, copy.snapshot());
            ImportReport again = WorkspaceImporter.importFiles(copy, List.of(xlsx), false, ImportMonitor.NONE);
            assertFalse(again.changesSomething(), again.summary());
        }
    }

    @Test
    void formulaLikeTextIsWrittenAsQuotedTextAndNoCellIsAFormula() throws Exception {
        Path xlsx = dir.resolve("export.xlsx");
        WorkspaceExporter.export(everything(), xlsx);
        int formulaLike = 0;
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            for (Sheet sheet : workbook) {
                for (var row : sheet) {
                    for (Cell cell : row) {
                        assertTrue(cell.getCellType() != CellType.FORMULA, sheet.getSheetName() + " " + cell.getAddress());
                        if (cell.getCellType() == CellType.STRING && FormulaSafety.looksLikeFormula(cell.getStringCellValue())) {
                            formulaLike++;
                            assertTrue(cell.getCellStyle().getQuotePrefixed(), sheet.getSheetName() + " " + cell.getAddress());
                        }
                    }
                }
            }
            Cell name = workbook.getSheet("Vendors").getRow(2).getCell(1);
            assertEquals(FORMULA_LIKE.get(0), name.getStringCellValue());
            assertEquals("123456789012345678.25", workbook.getSheet("Contracts").getRow(2).getCell(10).getStringCellValue(),
                    "an amount a double cannot hold is written as text");
        }
        assertTrue(formulaLike >= 8, "the fixture has formula-like text in " + formulaLike + " cells");
    }

    @Test
    void aCsvExportReimportsToTheSameWorkspaceWithFormulaLikeTextDefused() throws Exception {
        WorkspaceData original = everything();
        Path folder = dir.resolve("csv");
        WorkspaceExporter.exportCsv(original, folder);
        String vendors = Files.readString(folder.resolve("vendors.csv"));
        assertTrue(vendors.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""), vendors);
        assertTrue(vendors.contains(",'+1 555 0100"), vendors);
        List<Path> files = new java.util.ArrayList<>();
        for (Entity entity : Entity.values()) {
            files.add(folder.resolve(entity.csvFile()));
        }
        try (H2WorkspaceStore copy = H2WorkspaceStore.open(dir.resolve("copy"))) {
            WorkspaceImporter.importFiles(copy, files, false, ImportMonitor.NONE);
            assertEquals(original, copy.snapshot());
            assertFalse(WorkspaceImporter.importFiles(copy, files, false, ImportMonitor.NONE).changesSomething());
        }
    }

    @Test
    void aCancelledExportLeavesTheTargetAsItWas() throws Exception {
        List<org.civicsla.core.model.Device> devices = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            devices.add(new Device("D-" + i, "M-1", "", "", Optional.empty(), 0, "", Criticality.LOW, Optional.empty(),
                    Optional.empty()));
        }
        WorkspaceData big = new WorkspaceData(List.of(), List.of(), List.of(), List.of(), devices);
        Path xlsx = Files.writeString(dir.resolve("export.xlsx"), "the previous export");
        int[] polls = {0};
        assertThrows(java.util.concurrent.CancellationException.class,
                () -> WorkspaceExporter.export(big, xlsx, () -> ++polls[0] > 2));
        assertEquals("the previous export", Files.readString(xlsx));
        assertEquals(3, polls[0], "stopped at the first poll that said so");
    }
}
