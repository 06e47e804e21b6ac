package org.civicsla.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civicsla.core.model.Contact;
import org.civicsla.core.model.Device;
import org.civicsla.core.model.WorkspaceData;
import org.civicsla.store.H2WorkspaceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportEdgeCasesTest {

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
        Files.createDirectories(dir.resolve(name).getParent());
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private List<String> problems(List<Path> files) {
        ImportException refused = assertThrows(ImportException.class,
                () -> WorkspaceImporter.importFiles(store, files, false, ImportMonitor.NONE));
        assertEquals(WorkspaceData.EMPTY, store.snapshot(), "a refused import stores nothing");
        return refused.problems().stream().map(ImportProblem::toString).toList();
    }

    /** A workbook as a person types it in Excel: real date cells in a local format, numbers as numbers. */
    @Test
    void typedDateAndNumberCellsAreReadAsValuesNotAsDisplayed() throws Exception {
        Path xlsx = dir.resolve("typed.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CreationHelper helper = workbook.getCreationHelper();
            CellStyle usDate = workbook.createCellStyle();
            usDate.setDataFormat(helper.createDataFormat().getFormat("m/d/yy"));
            CellStyle thousands = workbook.createCellStyle();
            thousands.setDataFormat(helper.createDataFormat().getFormat("#,##0"));
            XSSFSheet vendors = workbook.createSheet("Vendors");
            row(vendors, 0, "id", "name");
            Row v = vendors.createRow(1);
            v.createCell(0).setCellValue(1001); // a numeric id
            v.createCell(1).setCellValue("Numeric Id Vendor");
            XSSFSheet models = workbook.createSheet("Device Models");
            row(models, 0, "id", "vendor_id", "model", "end_of_support", "unit_cost");
            Row m = models.createRow(1);
            m.createCell(0).setCellValue("M-1");
            m.createCell(1).setCellValue(1001);
            m.createCell(2).setCellValue("LX-200");
            m.createCell(3).setCellValue(LocalDate.of(2028, 6, 30));
            m.getCell(3).setCellStyle(usDate);
            m.createCell(4).setCellValue(1234567.891);
            m.getCell(4).setCellStyle(thousands);
            XSSFSheet devices = workbook.createSheet("devices");
            row(devices, 0, "id", "model_id", "installed", "service_life_years");
            Row d = devices.createRow(1);
            d.createCell(0).setCellValue("D-1");
            d.createCell(1).setCellValue("M-1");
            d.createCell(2).setCellValue(LocalDate.of(2021, 3, 4));
            d.getCell(2).setCellStyle(usDate);
            d.createCell(3).setCellValue(12);
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                workbook.write(out);
            }
        }
        WorkspaceImporter.importFiles(store, List.of(xlsx), false, ImportMonitor.NONE);
        WorkspaceData data = store.snapshot();
        assertEquals("1001", data.vendors().get(0).id());
        assertEquals(Optional.of(LocalDate.of(2028, 6, 30)), data.deviceModels().get(0).endOfSupport().date());
        assertEquals(Optional.of(new BigDecimal("1234567.89")), data.deviceModels().get(0).unitCost(),
                "the typed value, not the rounded display 1,234,568");
        Device device = data.devices().get(0);
        assertEquals(Optional.of(LocalDate.of(2021, 3, 4)), device.installed());
        assertEquals(12, device.serviceLifeYears());
    }

    /** Formulas are never evaluated: a formula cell gives only the value Excel saved with it (here none, and said so). */
    @Test
    void formulaCellsAreNotEvaluated() throws Exception {
        Path xlsx = dir.resolve("formula.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet vendors = workbook.createSheet("Vendors");
            row(vendors, 0, "id", "name");
            Row v = vendors.createRow(1);
            v.createCell(0).setCellValue("V-1");
            v.createCell(1).setCellFormula("CONCATENATE(\"Ev\",\"il\")");
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                workbook.write(out);
            }
        }
        // Said as it is, not "is empty; it is required", which the person would have checked and found untrue.
        assertEquals(List.of("formula.xlsx, sheet Vendors, row 2, column name: holds a formula without its value saved (the"
                + " workbook was written by a program that does not compute formulas); open it in Excel or LibreOffice and"
                + " save it, or type the value"), problems(List.of(xlsx)));
    }

    @Test
    void contactsAndDocumentsMustComeWithTheirVendorOrContract() throws Exception {
        Path contacts = csv("contacts.csv", "vendor_id,name,email", "V-404,Ana,ana@example.org", "V-404,,");
        Path documents = csv("documents.csv", "contract_id,path,title", "C-404,documents/x.txt,X");
        List<String> problems = problems(List.of(contacts, documents));
        assertTrue(problems.contains("contacts.csv, row 2, column vendor_id: names vendor 'V-404', which has no row in the "
                + "Vendors sheet of this import; contacts are imported with their vendor"), problems.toString());
        assertTrue(problems.contains("contacts.csv, row 3, column name: is empty, and so are role, email and phone; "
                + "a contact needs at least one"), problems.toString());
        assertTrue(problems.contains("documents.csv, row 2, column contract_id: names contract 'C-404', which has no row in "
                + "the Contracts sheet of this import; documents are imported with their contract"), problems.toString());
    }

    @Test
    void furtherContactsFollowTheVendorsOwnContactInFileOrder() throws Exception {
        Path vendors = csv("vendors.csv", "id,name,contact_name,contact_email", "V-1,Lumen,Ana,ana@lumen.example");
        Path contacts = csv("contacts.csv", "vendor_id,name,role", "V-1,Ben,Account manager", "V-1,Cleo,CISO");
        WorkspaceImporter.importFiles(store, List.of(contacts, vendors), false, ImportMonitor.NONE);
        assertEquals(List.of(new Contact("Ana", "", "ana@lumen.example", ""), new Contact("Ben", "Account manager", "", ""),
                new Contact("Cleo", "CISO", "", "")), store.snapshot().vendors().get(0).contacts());
    }

    @Test
    void anImportOfSomeColumnsChangesThoseAndKeepsTheOthers() throws Exception {
        Path full = csv("vendors.csv", "id,name,category,criticality,contact_name,contact_email",
                "V-1,Lumen,Streetlights,high,Ana,ana@lumen.example");
        Path contacts = csv("contacts.csv", "vendor_id,name,role", "V-1,Ben,CISO");
        Path contracts = csv("contracts.csv", "id,vendor_id,start,initial_term_months,status,value,documents",
                "C-1,V-1,2024-01-01,36,active,480,documents/C-1.pdf; documents/C-1-annex.pdf");
        Path titles = csv("documents.csv", "contract_id,path,title", "C-1,documents/C-1.pdf,Master agreement");
        WorkspaceImporter.importFiles(store, List.of(full, contacts, contracts, titles), false, ImportMonitor.NONE);
        WorkspaceData before = store.snapshot();

        // A sheet of ids and names only: the name changes; category, criticality and both contacts stay.
        Path names = csv("names/vendors.csv", "id,name", "V-1,Lumen Streetlights Ltd");
        // A contracts file without documents or value, and one with the documents but not their titles.
        Path status = csv("status/contracts.csv", "id,vendor_id,status", "C-1,V-1,terminated");
        ImportReport report = WorkspaceImporter.importFiles(store, List.of(names, status), false, ImportMonitor.NONE);
        assertEquals(new ImportReport.Counts(0, 1, 0), report.counts().get(Entity.VENDORS), report.summary());
        var vendor = store.snapshot().vendors().get(0);
        assertEquals("Lumen Streetlights Ltd", vendor.name());
        assertEquals(before.vendors().get(0).category(), vendor.category());
        assertEquals(before.vendors().get(0).criticality(), vendor.criticality());
        assertEquals(before.vendors().get(0).contacts(), vendor.contacts());
        var contract = store.snapshot().contracts().get(0);
        assertEquals(org.civicsla.core.model.ContractStatus.TERMINATED, contract.status());
        assertEquals(before.contracts().get(0).documents(), contract.documents());
        assertEquals(before.contracts().get(0).value(), contract.value());
        assertEquals(before.contracts().get(0).start(), contract.start());

        Path paths = csv("paths/contracts.csv", "id,vendor_id,documents", "C-1,V-1,documents/C-1.pdf");
        WorkspaceImporter.importFiles(store, List.of(paths), false, ImportMonitor.NONE);
        assertEquals(List.of(new org.civicsla.core.model.DocumentRef("C-1", "documents/C-1.pdf", "Master agreement")),
                store.snapshot().contracts().get(0).documents(), "the column names the documents; a kept one keeps its title");
        // A column that is there but empty is a value: it empties the field.
        Path emptied = csv("emptied/vendors.csv", "id,name,category", "V-1,Lumen Streetlights Ltd,");
        WorkspaceImporter.importFiles(store, List.of(emptied), false, ImportMonitor.NONE);
        assertEquals("", store.snapshot().vendors().get(0).category());
    }

    @Test
    void cellAndRowReferencesExcelWouldNotWriteAreReadNotDropped() throws Exception {
        Path plain = vendorsWorkbook(dir.resolve("plain.xlsx"), List.of("V-1", "Lumen"), List.of("V-2", "Northgate"));
        // Written by another tool: lower-case cell references, and a row number that is not one.
        Path odd = rewriteSheet(plain, dir.resolve("odd.xlsx"), xml -> xml.replace("r=\"A2\"", "r=\"a2\"")
                .replace("r=\"B2\"", "r=\"b2\"").replace("<row r=\"3\"", "<row r=\"x\""));
        ImportReport report = WorkspaceImporter.importFiles(store, List.of(odd), false, ImportMonitor.NONE);
        assertEquals(new ImportReport.Counts(2, 0, 0), report.counts().get(Entity.VENDORS), report.summary());
        assertEquals(List.of("Lumen", "Northgate"), store.snapshot().vendors().stream().map(v -> v.name()).sorted().toList());
    }

    @Test
    void aCellNamingASharedStringTheWorkbookLacksIsAProblemOfThatCell() throws Exception {
        Path plain = vendorsWorkbook(dir.resolve("plain.xlsx"), List.of("V-1", "Lumen"));
        // The strings are id, name, V-1, Lumen (0 to 3): B2 names one that is not there.
        Path broken = rewriteSheet(plain, dir.resolve("broken.xlsx"), xml -> xml.replace("<v>3</v>", "<v>99</v>"));
        List<String> problems = problems(List.of(broken));
        assertTrue(problems.contains("broken.xlsx, sheet Vendors, row 2, column name: names shared string '99', which the"
                + " workbook does not have"), problems.toString());
    }

    /** A copy of {@code from} whose first sheet's XML is edited, as a tool other than Excel might write it. */
    private static Path rewriteSheet(Path from, Path to, java.util.function.UnaryOperator<String> edit) throws Exception {
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(from));
                var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(to))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                out.write(bytes);
            }
        }
        return to;
    }

    @Test
    void documentsOutsideTheWorkspaceAreRefused() throws Exception {
        Path vendors = csv("vendors.csv", "id,name", "V-1,Lumen");
        Path contracts = csv("contracts.csv", "id,vendor_id,documents", "C-1,V-1,../outside.txt", "C-2,V-1,/etc/hostname",
                "C-3,V-1,documents/C-3.pdf");
        Path documents = csv("documents.csv", "contract_id,path,title", "C-3,documents/../../up.pdf,Up");
        List<String> problems = problems(List.of(vendors, contracts, documents));
        assertTrue(problems.stream().anyMatch(p -> p.contains("row 2") && p.contains("documents")
                && p.contains("'../outside.txt' is outside the workspace folder")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("row 3") && p.contains("'/etc/hostname' is outside")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("documents.csv") && p.contains("path")
                && p.contains("'documents/../../up.pdf' is outside")), problems.toString());
        assertEquals(3, problems.size(), problems.toString());
    }

    @Test
    void oversizedCellsAmountsAndRepeatedDocumentsAreLocatedProblems() throws Exception {
        Path vendors = csv("vendors.csv", "id,name", "V-1," + "x".repeat(EXCEL_CELL_LIMIT + 1));
        Path contracts = csv("contracts.csv", "id,vendor_id,value,documents",
                "C-1,V-1,1e30,documents/a.txt; documents/a.txt");
        List<String> problems = problems(List.of(vendors, contracts));
        assertTrue(problems.contains("vendors.csv, row 2, column name: is longer than 32767 characters, the most a cell holds"),
                problems.toString());
        assertTrue(problems.contains("contracts.csv, row 2, column value: '1e30' is too large; amounts have at most 18 digits "
                + "before the decimal point"), problems.toString());
        assertTrue(problems.contains("contracts.csv, row 2, column documents: names a document twice"), problems.toString());
    }

    private static final int EXCEL_CELL_LIMIT = 32_767;

    /**
     * A worksheet as another tool may write it: inline strings, a cell of a million characters (more
     * than POI itself would write), a boolean and an error cell.
     */
    @Test
    void hugeInlineCellsAreCutShortAndReportedAndOtherCellTypesReadAsText() throws Exception {
        Path template = dir.resolve("template.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Vendors");
            try (OutputStream out = Files.newOutputStream(template)) {
                workbook.write(out);
            }
        }
        String sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>name</t></is></c>"
                + "<c r=\"C1\" t=\"inlineStr\"><is><t>category</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>V-1</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>"
                + randomLetters(1_000_000) + "</t></is></c></row>"
                + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>V-2</t></is></c><c r=\"B3\" t=\"b\"><v>1</v></c>"
                + "<c r=\"C3\" t=\"e\"><v>#N/A</v></c></row>"
                + "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>V-3</t></is></c><c r=\"B4\" t=\"str\"><f>A4&amp;\"x\"</f><v>V-3x</v></c></row>"
                + "</sheetData></worksheet>";
        Path xlsx = dir.resolve("other-tool.xlsx");
        try (var source = new java.util.zip.ZipFile(template.toFile());
                var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(xlsx))) {
            for (var entries = source.entries(); entries.hasMoreElements();) {
                var entry = entries.nextElement();
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    zip.write(sheet.getBytes(StandardCharsets.UTF_8));
                } else {
                    source.getInputStream(entry).transferTo(zip);
                }
            }
        }
        assertEquals(List.of("other-tool.xlsx, sheet Vendors, row 2, column name: is longer than 32767 characters, "
                + "the most a cell holds"), problems(List.of(xlsx)));
        Path withoutHugeRow = dir.resolve("fine.xlsx");
        try (var source = new java.util.zip.ZipFile(xlsx.toFile());
                var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(withoutHugeRow))) {
            for (var entries = source.entries(); entries.hasMoreElements();) {
                var entry = entries.nextElement();
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                byte[] bytes = source.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replaceAll("<row r=\"2\">.*?</row>", "")
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.write(bytes);
            }
        }
        WorkspaceImporter.importFiles(store, List.of(withoutHugeRow), false, ImportMonitor.NONE);
        WorkspaceData data = store.snapshot();
        assertEquals("TRUE", data.vendors().get(0).name());
        assertEquals("#N/A", data.vendors().get(0).category());
        assertEquals("V-3x", data.vendors().get(1).name(), "a formula gives the value saved with it");
    }

    @Test
    void aCsvRowThatNeverEndsIsRefusedBeforeItFillsTheHeap() throws Exception {
        // An opening quote without its closing quote swallows the rest of the file into one field.
        StringBuilder rest = new StringBuilder();
        while (rest.length() <= CsvTables.RecordLimit.MAX_RECORD + 100_000) {
            rest.append("V-9,Never closed\n");
        }
        Path vendors = csv("vendors.csv", "id,name", "V-1,One", "V-2,\"Two", rest.toString());
        assertEquals(List.of("vendors.csv, row 3: the row is longer than " + CsvTables.RecordLimit.MAX_RECORD
                + " characters; is a quote missing its closing quote?"), problems(List.of(vendors)));
    }

    @Test
    void cancellingWhileReadingStopsAndStoresNothing() throws Exception {
        List<String> lines = new ArrayList<>(List.of("id,model_id"));
        for (int i = 0; i < 5_000; i++) {
            lines.add("D-" + i + ",M-1");
        }
        Path devices = csv("devices.csv", lines.toArray(String[]::new));
        List<Long> progress = new ArrayList<>();
        ImportMonitor cancelAfter2000 = new ImportMonitor() {
            @Override
            public void rowsRead(long rows) {
                progress.add(rows);
            }

            @Override
            public boolean cancelled() {
                return !progress.isEmpty() && progress.get(progress.size() - 1) >= 2_000;
            }
        };
        assertThrows(CancellationException.class,
                () -> WorkspaceImporter.importFiles(store, List.of(devices), false, cancelAfter2000));
        assertTrue(progress.get(progress.size() - 1) < 5_000, "stopped while reading: " + progress);
        assertEquals(WorkspaceData.EMPTY, store.snapshot());
    }

    @Test
    void progressCountsEveryRowAndSaysWhatIsStored() throws Exception {
        Path vendors = csv("vendors.csv", "id,name", "V-1,One", "V-2,Two", "V-3,Three");
        List<String> events = new ArrayList<>();
        WorkspaceImporter.importFiles(store, List.of(vendors), false, new ImportMonitor() {
            @Override
            public void reading(Path file, int index, int count) {
                events.add("reading " + file.getFileName() + " " + index + "/" + count);
            }

            @Override
            public void rowsRead(long rows) {
                events.add("rows " + rows);
            }

            @Override
            public void storing(int records) {
                events.add("storing " + records);
            }
        });
        assertEquals(List.of("reading vendors.csv 0/1", "rows 3", "storing 3"), events);
    }

    /** Text that does not compress like a zip bomb (which POI's guard would refuse first). */
    private static String randomLetters(int length) {
        java.util.Random random = new java.util.Random(1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    /** A workbook of one Vendors sheet: id and name, then the given rows. */
    @SafeVarargs
    private static Path vendorsWorkbook(Path file, List<String>... rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet vendors = workbook.createSheet("Vendors");
            row(vendors, 0, "id", "name");
            for (int i = 0; i < rows.length; i++) {
                row(vendors, i + 1, rows[i].toArray(String[]::new));
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        return file;
    }

    private static void row(XSSFSheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }
}
