package org.civicsla.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

    @TempDir
    Path dir;

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);

    private static ReportInput input(Optional<String> vendor) {
        List<Vendor> vendors = List.of(new Vendor("V-1", "Harbourview CCTV", "Cameras", Criticality.HIGH, List.of()),
                new Vendor("V-2", "Łódź Smart Grid Sp. z o.o.", "Grid", Criticality.CRITICAL, List.of()),
                new Vendor("V-3", "=cmd|' /C calc'!A0", "Tricky", Criticality.LOW, List.of()));
        Contract contract = new Contract("C-1", "V-1", "RIV-1", "Service", Optional.of(LocalDate.of(2024, 1, 1)), 36,
                RenewalKind.AUTOMATIC, 12, 30, ContractStatus.ACTIVE, Optional.empty(), "", List.of(), List.of());
        DeviceModel camera = new DeviceModel("M-1", "V-1", "HV-4K", "Camera", LifecycleDate.UNKNOWN, LifecycleDate.UNKNOWN,
                LifecycleDate.of(LocalDate.of(2027, 6, 30), "Harbourview notice"), Optional.of(new BigDecimal("890.00")));
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            devices.add(new Device("D-" + i, "M-1", "", "Harbour", Optional.of(LocalDate.of(2022, 1, 1)), 10, "1",
                    Criticality.MEDIUM, Optional.of("C-1"), Optional.empty()));
        }
        WorkspaceData data = new WorkspaceData(vendors, List.of(contract), List.of(), List.of(camera), devices);
        List<Finding> findings = List.of(
                new Finding("step2", 2, "V-1", Optional.empty(), Optional.empty(), Status.FAIL, Severity.HIGH,
                        List.of("C-1: Breach Notification allows 168 hours, more than the required 72"),
                        List.of(new Evidence(Evidence.Kind.CLAUSE_PASSAGE, "C-1: Audit Rights", Optional.of("documents/C-1.pdf"),
                                OptionalInt.of(7), "The City shall have the right to audit the Supplier's records."))),
                new Finding("step5", 5, "V-1", Optional.empty(), Optional.empty(), Status.FAIL, Severity.HIGH,
                        List.of("12 devices of HV-4K reach end of security updates on 2027-06-30, before their planned "
                                + "service end, with no replacement planned"),
                        List.of(new Evidence(Evidence.Kind.DATE, "HV-4K: end of security updates 2027-06-30", Optional.empty(),
                                OptionalInt.empty(), "devices: D-0, D-1"))),
                new Finding("step2", 2, "V-2", Optional.empty(), Optional.empty(), Status.PASS, Severity.LOW,
                        List.of("every active contract carries the required clauses"), List.of()),
                new Finding("step5", 5, "V-2", Optional.empty(), Optional.empty(), Status.WARNING, Severity.MEDIUM,
                        List.of("no devices"), List.of()),
                new Finding("step2", 2, "V-3", Optional.empty(), Optional.empty(), Status.UNKNOWN, Severity.INFO,
                        List.of("=SUM(A1:A9) no active contract"), List.of()));
        CheckRun run = new CheckRun(Instant.parse("2026-11-22T09:30:00Z"), AS_OF, RequirementProfiles.defaultProfile(),
                findings, List.of());
        return new ReportInput("riverton", data, run, vendor);
    }

    @Test
    void thePortfolioReportReadsBackWithItsSectionsEvidenceAndUnicodeNames() throws Exception {
        Path pdf = dir.resolve("out/report.pdf");
        PortfolioReport.write(input(Optional.empty()), pdf, () -> false);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            // Lines wrap where the layout wraps them: compare text with white space folded.
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains("Portfolio report: vendor security and life cycle"), text);
            assertTrue(text.contains("Workspace riverton"), text);
            assertTrue(text.contains("Checks as of 2026-11-22"), text);
            assertTrue(text.contains("Checklist default (steps 2 and 5)"), text);
            assertTrue(text.contains("Contents"), text);
            assertTrue(text.contains("Łódź Smart Grid Sp. z o.o."), "embedded Unicode font: " + text);
            assertTrue(text.contains("V-1 Harbourview CCTV"), text);
            assertTrue(text.contains("C-1: Breach Notification allows 168 hours, more than the required 72"), text);
            assertTrue(text.contains("C-1: Audit Rights (documents/C-1.pdf, page 7)"), text);
            assertTrue(text.contains("The City shall have the right to audit the Supplier's records."), text);
            assertTrue(text.contains("Upcoming notice deadlines"), text);
            assertTrue(text.contains("2026-12-01"), "C-1 notice deadline: " + text);
            assertTrue(text.contains("Devices reaching end of support per year"), text);
            assertTrue(text.contains("Page 1 of " + document.getNumberOfPages()), text);
            assertFalse(text.contains("Grid, criticality critical"), "passing vendors get no section");
            assertEquals("CivicSLA", document.getDocumentInformation().getAuthor());
            assertEquals("Portfolio report: vendor security and life cycle", document.getDocumentInformation().getTitle());
            List<String> outline = new ArrayList<>();
            for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
                outline.add(item.getTitle());
            }
            assertEquals(List.of("Summary: vendors and checklist steps", "Devices reaching end of support per year",
                    "V-1 Harbourview CCTV"), outline);
            // The table of contents names the page each section starts on.
            int vendorPage = document.getPages().indexOf(((org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination) document
                    .getDocumentCatalog().getDocumentOutline().getLastChild().getDestination()).getPage()) + 1;
            assertTrue(text.matches(".*V-1 Harbourview CCTV[ .]*" + vendorPage + " .*"), "TOC page " + vendorPage + ": " + text);
        }
    }

    @Test
    void aVendorEvidencePackHoldsOnlyThatVendor() throws Exception {
        Path pdf = dir.resolve("pack.pdf");
        PortfolioReport.write(input(Optional.of("V-2")), pdf, () -> false);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            // Lines wrap where the layout wraps them: compare text with white space folded.
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains("Evidence pack: V-2 Łódź Smart Grid Sp. z o.o."), text);
            assertFalse(text.contains("C-1: Breach Notification allows"), text);
        }
    }

    @Test
    void theFindingsWorkbookHasFrozenFilteredColouredSheetsAndNoFormulas() throws Exception {
        Path xlsx = dir.resolve("findings.xlsx");
        FindingsWorkbook.write(input(Optional.empty()), xlsx);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(s -> sheets.add(s.getSheetName()));
            assertEquals(List.of("Summary", "Step 2", "Step 5", "Evidence"), sheets);
            XSSFSheet summary = workbook.getSheet("Summary");
            assertEquals(1, summary.getPaneInformation().getHorizontalSplitPosition());
            assertEquals(4, workbook.getNames("_xlnm._FilterDatabase").size(), "an auto-filter on every sheet");
            XSSFCell failing = summary.getRow(1).getCell(2);
            assertEquals("fail", failing.getStringCellValue());
            assertEquals(FillPatternType.SOLID_FOREGROUND, failing.getCellStyle().getFillPattern());
            assertEquals(IndexedColors.ROSE.getIndex(), failing.getCellStyle().getFillForegroundColor());
            XSSFCell tricky = summary.getRow(3).getCell(1);
            assertEquals(CellType.STRING, tricky.getCellType());
            assertEquals("=cmd|' /C calc'!A0", tricky.getStringCellValue());
            assertTrue(tricky.getCellStyle().getQuotePrefixed());
            XSSFCell reason = workbook.getSheet("Step 2").getRow(3).getCell(7);
            assertEquals(CellType.STRING, reason.getCellType());
            assertEquals("=SUM(A1:A9) no active contract", reason.getStringCellValue());
            XSSFSheet evidence = workbook.getSheet("Evidence");
            assertEquals("documents/C-1.pdf", evidence.getRow(1).getCell(4).getStringCellValue());
            assertEquals(7, (int) evidence.getRow(1).getCell(5).getNumericCellValue());
        }
    }

    @Test
    void longQuotesAreClippedAtAWordAndNeverInsideASurrogatePair() {
        String text = "word ".repeat(100) + "😀😀😀";
        String clipped = Text.clip(text, 50);
        assertTrue(clipped.endsWith(" …") && clipped.length() <= 52, clipped);
        String emoji = "😀".repeat(40);
        String cut = Text.clip(emoji, 21);
        assertFalse(Character.isHighSurrogate(cut.charAt(cut.length() - 3)), cut);
    }
}
