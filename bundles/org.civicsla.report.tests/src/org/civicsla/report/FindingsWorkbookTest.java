package org.civicsla.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civicsla.core.check.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FindingsWorkbookTest {

    @TempDir
    Path dir;

    private XSSFWorkbook write(Optional<String> vendor) throws Exception {
        Path xlsx = dir.resolve("findings.xlsx");
        FindingsWorkbook.write(ReportFixture.input(vendor), xlsx);
        try (InputStream in = Files.newInputStream(xlsx)) {
            return new XSSFWorkbook(in);
        }
    }

    /** The row whose first cell (vendor id) is {@code vendorId}. */
    private static XSSFRow row(XSSFSheet sheet, String vendorId) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && vendorId.equals(row.getCell(0).getStringCellValue())) {
                return (XSSFRow) row;
            }
        }
        throw new AssertionError("no row for " + vendorId + " in " + sheet.getSheetName());
    }

    private static List<String> header(XSSFSheet sheet) {
        List<String> header = new ArrayList<>();
        sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
        return header;
    }

    @Test
    void thereIsASheetPerStepOneOfEvidenceAndASummary() throws Exception {
        try (XSSFWorkbook workbook = write(Optional.empty())) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(s -> sheets.add(s.getSheetName()));
            assertEquals(List.of("Summary", "Step 2", "Step 5", "Evidence"), sheets);
            XSSFSheet summary = workbook.getSheet("Summary");
            assertEquals(List.of("Vendor ID", "Vendor", "Category", "Criticality", "Step 2", "Step 5", "Worst"),
                    header(summary));
            assertEquals(3, summary.getLastRowNum());
            XSSFRow lodz = row(summary, "V-2");
            assertEquals(ReportFixture.POLISH, lodz.getCell(1).getStringCellValue());
            assertEquals("fail", lodz.getCell(4).getStringCellValue());
            assertEquals("pass", lodz.getCell(5).getStringCellValue());
            assertEquals("fail", lodz.getCell(6).getStringCellValue());
            XSSFSheet step2 = workbook.getSheet("Step 2");
            assertEquals(3, step2.getLastRowNum(), "one finding per vendor");
            // The checks judged each vendor as a whole: no finding names a contract or device, so no such columns.
            assertEquals(List.of("Vendor ID", "Vendor", "Check", "Status", "Severity", "Evidence items", "Reasons"), header(step2));
            assertEquals("C-1: Breach Notification is missing", row(step2, "V-1").getCell(6).getStringCellValue());
            XSSFSheet evidence = workbook.getSheet("Evidence");
            XSSFRow audit = row(evidence, "V-1");
            assertEquals("C-1: Audit Rights", audit.getCell(6).getStringCellValue());
            assertEquals("documents/C-1.pdf", audit.getCell(7).getStringCellValue());
            assertEquals(7, (int) audit.getCell(8).getNumericCellValue());
            assertEquals(ReportFixture.AUDIT_QUOTE, audit.getCell(9).getStringCellValue());
        }
    }

    @Test
    void everySheetHasAFrozenHeaderAndAnAutoFilterOverItsData() throws Exception {
        try (XSSFWorkbook workbook = write(Optional.empty())) {
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                XSSFSheet sheet = workbook.getSheetAt(i);
                assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition(), sheet.getSheetName());
                assertEquals(0, sheet.getPaneInformation().getVerticalSplitPosition(), sheet.getSheetName());
                // An auto-filter is the sheet's hidden name _xlnm._FilterDatabase over the filtered range.
                int index = i;
                XSSFName filter = workbook.getNames("_xlnm._FilterDatabase").stream()
                        .filter(n -> n.getSheetIndex() == index).findFirst()
                        .orElseThrow(() -> new AssertionError("no auto-filter on " + sheet.getSheetName()));
                CellRangeAddress range = CellRangeAddress.valueOf(filter.getRefersToFormula().replaceAll(".*!", ""));
                assertEquals(0, range.getFirstRow(), sheet.getSheetName());
                assertEquals(sheet.getLastRowNum(), range.getLastRow(), sheet.getSheetName());
                assertEquals(sheet.getRow(0).getLastCellNum() - 1, range.getLastColumn(), sheet.getSheetName());
            }
        }
    }

    @Test
    void statusesAreFilledWithThePdfColoursAndSpelledOut() throws Exception {
        try (XSSFWorkbook workbook = write(Optional.empty())) {
            XSSFSheet summary = workbook.getSheet("Summary");
            assertStatus(row(summary, "V-1").getCell(4), Status.FAIL);
            assertStatus(row(summary, "V-2").getCell(5), Status.PASS);
            assertStatus(row(summary, "V-3").getCell(5), Status.UNKNOWN);
            assertStatus(row(workbook.getSheet("Step 5"), "V-3").getCell(3), Status.UNKNOWN);
            assertStatus(row(workbook.getSheet("Evidence"), "V-2").getCell(4), Status.FAIL);
        }
    }

    private static void assertStatus(XSSFCell cell, Status status) {
        assertEquals(status.name().toLowerCase(java.util.Locale.ROOT), cell.getStringCellValue());
        assertEquals(FillPatternType.SOLID_FOREGROUND, cell.getCellStyle().getFillPattern());
        Color expected = StatusColors.of(status);
        assertArrayEquals(new byte[] { (byte) expected.getRed(), (byte) expected.getGreen(), (byte) expected.getBlue() },
                cell.getCellStyle().getFillForegroundColorColor().getRGB(), status.name());
    }

    @Test
    void aVendorNamedLikeAFormulaStaysAPlainString() throws Exception {
        try (XSSFWorkbook workbook = write(Optional.empty())) {
            XSSFCell name = row(workbook.getSheet("Summary"), "V-3").getCell(1);
            assertEquals(CellType.STRING, name.getCellType());
            assertEquals(ReportFixture.FORMULA, name.getStringCellValue());
            assertTrue(name.getCellStyle().getQuotePrefixed());
            XSSFCell reason = row(workbook.getSheet("Step 2"), "V-3").getCell(header(workbook.getSheet("Step 2")).indexOf("Reasons"));
            assertEquals(CellType.STRING, reason.getCellType());
            assertEquals("=SUM(A1:A9) every active contract carries the required clauses", reason.getStringCellValue());
            assertTrue(reason.getCellStyle().getQuotePrefixed());
            XSSFCell plain = row(workbook.getSheet("Summary"), "V-1").getCell(1);
            assertFalse(plain.getCellStyle().getQuotePrefixed(), "ordinary text is left alone");
            // No cell anywhere is a formula.
            workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(
                    cell -> assertFalse(cell.getCellType() == CellType.FORMULA, sheet.getSheetName() + " " + cell.getAddress()))));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "=1+2", "+41 44 000", "-2+3", "@SUM(A1)", "\t=1", "\r=1" })
    void textThatASpreadsheetCouldEvaluateIsFormulaLike(String text) {
        assertTrue(FindingsWorkbook.formulaLike(text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Harbourview", " =1", "Łódź", "1=1", "" })
    void otherTextIsNot(String text) {
        assertFalse(FindingsWorkbook.formulaLike(text));
    }

    @Test
    void aVendorWorkbookHoldsOnlyThatVendor() throws Exception {
        try (XSSFWorkbook workbook = write(Optional.of("V-2"))) {
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                XSSFSheet sheet = workbook.getSheetAt(i);
                assertTrue(sheet.getLastRowNum() >= 1, sheet.getSheetName());
                for (Row row : sheet) {
                    if (row.getRowNum() > 0) {
                        assertEquals("V-2", row.getCell(0).getStringCellValue(), sheet.getSheetName());
                    }
                }
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> FindingsWorkbook.write(ReportFixture.input(Optional.of("V-404")), dir.resolve("x.xlsx")));
        assertFalse(Files.exists(dir.resolve("x.xlsx")));
    }

    @Test
    void anEmptyRunStillHasTheStepSheetsWithHeaders() throws Exception {
        ReportInput input = new ReportInput("empty", ReportFixture.data(), new org.civicsla.core.check.CheckRun(
                java.time.Instant.EPOCH, ReportFixture.AS_OF,
                org.civicsla.core.check.RequirementProfiles.defaultProfile(), List.of(), List.of()), Optional.empty());
        Path xlsx = dir.resolve("empty.xlsx");
        FindingsWorkbook.write(input, xlsx);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertEquals(0, workbook.getSheet("Step 2").getLastRowNum());
            assertEquals(0, workbook.getSheet("Step 5").getLastRowNum());
            assertEquals("unknown", row(workbook.getSheet("Summary"), "V-1").getCell(4).getStringCellValue());
            assertNull(workbook.getSheet("Step 4"));
        }
    }
}
