package org.civicsla.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civicsla.core.model.ClauseState;
import org.civicsla.core.model.RenewalKind;
import org.civicsla.core.model.WorkspaceData;
import org.civicsla.store.H2WorkspaceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceImporterTest {

    @TempDir
    Path dir;

    private H2WorkspaceStore store;

    @BeforeEach
    void open() {
        store = H2WorkspaceStore.open(dir.resolve("ws"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Path csv(String name, String... lines) throws Exception {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private List<Path> city() throws Exception {
        return List.of(
                csv("vendors.csv", "id,name,category,criticality,contact_name,contact_email",
                        "V-1,Lumen Streetlights,Lighting,high,Ana Ruiz,ana@lumen.example",
                        "V-2,\"=HYPERLINK(\"\"http://x\"\")\",Cloud,medium,,"),
                csv("device-models.csv", "id,vendor_id,model,end_of_support,end_of_support_source,unit_cost",
                        "M-1,V-1,LX-200,2028-06-30,vendor bulletin,480"),
                csv("contracts.csv", "id,vendor_id,number,start,initial_term_months,renewal,renewal_period_months,notice_days,status,value,currency,covers,documents",
                        "C-1,V-1,RIV-1,2023-01-01,36,tacit,12,90,active,\"125,000.50\",USD,M-1;street lighting,documents/C-1.txt"),
                csv("devices.csv", "id,model_id,site,district,installed,service_life_years,criticality,contract_id",
                        "D-1,M-1,Main St 12,Harbour,2022-03-01,10,medium,C-1",
                        "D-2,M-1,Main St 14,Harbour,2022-03-01,10,low,"),
                csv("clauses.csv", "contract_id,clause_type,state,reason",
                        "C-1,Penetration Test Rights,waived,Vendor hosts no city data"));
    }

    @Test
    void importsAllKindsOfRecordsAndReimportingChangesNothing() throws Exception {
        ImportReport first = WorkspaceImporter.importFiles(store, city(), false, () -> false);
        assertEquals(new ImportReport.Counts(2, 0, 0), first.counts().get(Entity.VENDORS));
        assertEquals(new ImportReport.Counts(2, 0, 0), first.counts().get(Entity.DEVICES));
        WorkspaceData data = store.snapshot();
        assertEquals("Lumen Streetlights", data.vendors().get(0).name());
        assertEquals("=HYPERLINK(\"http://x\")", data.vendors().get(1).name());
        assertEquals(RenewalKind.AUTOMATIC, data.contracts().get(0).renewal());
        assertEquals("125000.50", data.contracts().get(0).value().orElseThrow().toPlainString());
        assertEquals(List.of("M-1", "street lighting"), data.contracts().get(0).covers());
        assertEquals(ClauseState.WAIVED, data.clauses().get(0).state());

        ImportReport again = WorkspaceImporter.importFiles(store, city(), false, () -> false);
        assertFalse(again.changesSomething(), again.summary());
        assertEquals(new ImportReport.Counts(0, 0, 2), again.counts().get(Entity.DEVICES));
        assertEquals(data, store.snapshot());
    }

    @Test
    void aDryRunSaysWhatWouldChangeAndStoresNothing() throws Exception {
        ImportReport report = WorkspaceImporter.importFiles(store, city(), true, () -> false);
        assertTrue(report.dryRun());
        assertEquals(new ImportReport.Counts(1, 0, 0), report.counts().get(Entity.CONTRACTS));
        assertEquals(WorkspaceData.EMPTY, store.snapshot());
    }

    @Test
    void everyProblemIsListedWithFileRowAndColumnAndNothingIsStored() throws Exception {
        WorkspaceImporter.importFiles(store, city(), false, () -> false);
        WorkspaceData before = store.snapshot();
        Path vendors = csv("vendors.csv", "id,name,criticality", "V-9,Nine,urgent", "V-9,Nine again,low", ",Nameless,low");
        Path devices = csv("devices.csv", "id,model_id,installed,service_life_years,contract_id",
                "D-9,M-404,2022-13-01,ten,C-404");
        ImportException refused = assertThrows(ImportException.class,
                () -> WorkspaceImporter.importFiles(store, List.of(vendors, devices), false, () -> false));
        List<String> problems = refused.problems().stream().map(ImportProblem::toString).toList();
        assertTrue(problems.contains("vendors.csv, row 2, column criticality: 'urgent' is not one of low, medium, high, critical"), problems.toString());
        assertTrue(problems.contains("vendors.csv, row 3, column id: 'V-9' appears twice in this import"), problems.toString());
        assertTrue(problems.contains("vendors.csv, row 4, column id: is empty; it is required"), problems.toString());
        assertTrue(problems.contains("devices.csv, row 2, column installed: '2022-13-01' is not a date: there is no month 13"), problems.toString());
        assertTrue(problems.contains("devices.csv, row 2, column service_life_years: 'ten' is not a whole number"), problems.toString());
        assertTrue(problems.contains("devices.csv, row 2, column model_id: names device model 'M-404', which is neither in this import nor stored"), problems.toString());
        assertTrue(problems.contains("devices.csv, row 2, column contract_id: names contract 'C-404', which is neither in this import nor stored"), problems.toString());
        assertEquals(before, store.snapshot());
    }

    @Test
    void headerProblemsNameTheColumn() throws Exception {
        Path file = csv("contracts.csv", "id,vendor,number");
        ImportException refused = assertThrows(ImportException.class,
                () -> WorkspaceImporter.importFiles(store, List.of(file), false, () -> false));
        List<String> problems = refused.problems().stream().map(ImportProblem::toString).toList();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("contracts.csv, row 1, column vendor: unknown column")), problems.toString());
        assertTrue(problems.contains("contracts.csv, row 1, column vendor_id: required column is missing"), problems.toString());
    }

    @Test
    void exportReimportsToTheSameWorkspaceAndKeepsFormulaLikeTextAsText() throws Exception {
        WorkspaceImporter.importFiles(store, city(), false, () -> false);
        WorkspaceData original = store.snapshot();
        Path xlsx = dir.resolve("out/export.xlsx");
        WorkspaceExporter.export(original, xlsx);

        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            Cell name = workbook.getSheet("Vendors").getRow(2).getCell(1);
            assertEquals(org.apache.poi.ss.usermodel.CellType.STRING, name.getCellType());
            assertEquals("=HYPERLINK(\"http://x\")", name.getStringCellValue());
            assertTrue(name.getCellStyle().getQuotePrefixed());
            assertEquals(1, workbook.getSheet("Devices").getPaneInformation().getHorizontalSplitPosition());
        }

        try (H2WorkspaceStore fresh = H2WorkspaceStore.open(dir.resolve("copy"))) {
            ImportReport report = WorkspaceImporter.importFiles(fresh, List.of(xlsx), false, () -> false);
            assertEquals(new ImportReport.Counts(2, 0, 0), report.counts().get(Entity.DEVICES));
            assertEquals(original, fresh.snapshot());
            assertFalse(WorkspaceImporter.importFiles(fresh, List.of(xlsx), false, () -> false).changesSomething());
        }
    }

    @Test
    void hostileAndBrokenFilesAreRefusedWithTheirName() throws Exception {
        Path latin1 = Files.write(dir.resolve("vendors.csv"),
                "id,name\nV-1,M\u00fcller Verkehrstechnik\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("vendors.csv: is not UTF-8 text; save it as CSV UTF-8", onlyProblem(latin1));

        Path binary = Files.write(dir.resolve("devices.csv"), new byte[] { 'i', 'd', 0, 1, 2, 3 });
        assertEquals("devices.csv: is not a text file (it contains NUL bytes)", onlyProblem(binary));

        Path empty = Files.write(dir.resolve("contracts.csv"), new byte[0]);
        assertEquals("contracts.csv: is empty; expected a header row", onlyProblem(empty));

        Path xlsx = dir.resolve("city.xlsx");
        WorkspaceImporter.importFiles(store, city(), false, () -> false);
        WorkspaceExporter.export(store.snapshot(), xlsx);
        byte[] whole = Files.readAllBytes(xlsx);
        Path truncated = Files.write(dir.resolve("truncated.xlsx"), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertTrue(onlyProblem(truncated).startsWith("truncated.xlsx: "), onlyProblem(truncated));

        Path encrypted = dir.resolve("encrypted.xlsx");
        EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
        Encryptor encryptor = info.getEncryptor();
        encryptor.confirmPassword("secret");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            try (OutputStream data = encryptor.getDataStream(fs)) {
                data.write(whole);
            }
            try (OutputStream out = Files.newOutputStream(encrypted)) {
                fs.writeFilesystem(out);
            }
        }
        assertEquals("encrypted.xlsx: is encrypted (password protected) or an old .xls workbook; save it unprotected as .xlsx",
                onlyProblem(encrypted));

        // A zip bomb: a real workbook whose first sheet part inflates a thousandfold.
        Path bomb = dir.resolve("bomb.xlsx");
        try (var source = new java.util.zip.ZipFile(xlsx.toFile());
                ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            for (var entries = source.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    zip.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">".getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 64; i++) {
                        zip.write(spaces);
                    }
                } else {
                    source.getInputStream(entry).transferTo(zip);
                }
            }
        }
        String bombProblem = onlyProblem(bomb);
        assertTrue(bombProblem.startsWith("bomb.xlsx: cannot be read: is compressed beyond the limits")
                && bombProblem.endsWith("refused as a possible zip bomb"), bombProblem);
        assertEquals(2, store.snapshot().devices().size(), "refused files change nothing");
    }

    private String onlyProblem(Path file) {
        ImportException refused = assertThrows(ImportException.class,
                () -> WorkspaceImporter.importFiles(store, List.of(file), false, () -> false));
        assertEquals(1, refused.problems().size(), refused.problems().toString());
        return refused.problems().get(0).toString();
    }
}
