package org.civicsla.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.civicsla.checks.Matrix;
import org.civicsla.core.check.Evidence;
import org.civicsla.core.files.AtomicFiles;
import org.civicsla.core.check.Finding;
import org.civicsla.core.check.Status;
import org.civicsla.core.model.Vendor;

/**
 * The findings workbook an auditor keeps: a summary sheet (vendor × step), one sheet per step and one
 * of evidence. Headers are frozen, every sheet has an auto-filter, statuses are coloured and spelled
 * out. Every text cell is a string cell; text a spreadsheet could take for a formula is quote-prefixed.
 */
public final class FindingsWorkbook {

    private FindingsWorkbook() {
    }

    public static void write(ReportInput input, Path xlsx) throws IOException {
        Matrix matrix = Matrix.of(input.data(), input.run());
        Map<String, Vendor> vendors = new HashMap<>();
        input.data().vendors().forEach(v -> vendors.put(v.id(), v));
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Styles styles = new Styles(workbook);
            List<String> summaryHeader = new java.util.ArrayList<>(List.of("Vendor ID", "Vendor"));
            matrix.steps().forEach(s -> summaryHeader.add("Step " + s));
            SXSSFSheet summary = sheet(workbook, styles, "Summary", summaryHeader);
            int r = 1;
            for (Vendor vendor : matrix.vendors()) {
                if (input.vendorId().isPresent() && !input.vendorId().get().equals(vendor.id())) {
                    continue;
                }
                Row row = summary.createRow(r++);
                text(row, 0, vendor.id(), styles);
                text(row, 1, vendor.name(), styles);
                int c = 2;
                for (int step : matrix.steps()) {
                    status(row, c++, matrix.cell(vendor.id(), step).orElseThrow().status(), styles);
                }
            }
            finish(summary, r, summaryHeader.size());

            TreeSet<Integer> steps = new TreeSet<>(matrix.steps());
            for (int step : steps) {
                List<String> header = List.of("Vendor ID", "Vendor", "Check", "Status", "Severity", "Contract", "Device",
                        "Reasons");
                SXSSFSheet sheet = sheet(workbook, styles, "Step " + step, header);
                int row = 1;
                for (Finding finding : input.run().findings()) {
                    if (finding.step() != step || !inScope(input, finding)) {
                        continue;
                    }
                    Row line = sheet.createRow(row++);
                    text(line, 0, finding.vendorId(), styles);
                    text(line, 1, vendors.containsKey(finding.vendorId()) ? vendors.get(finding.vendorId()).name() : "", styles);
                    text(line, 2, finding.checkId(), styles);
                    status(line, 3, finding.status(), styles);
                    text(line, 4, finding.severity().name().toLowerCase(Locale.ROOT), styles);
                    text(line, 5, finding.contractId().orElse(""), styles);
                    text(line, 6, finding.deviceId().orElse(""), styles);
                    text(line, 7, String.join("\n", finding.reasons()), styles);
                }
                finish(sheet, row, header.size());
            }

            List<String> header = List.of("Vendor ID", "Step", "Kind", "Description", "Document", "Page", "Quote");
            SXSSFSheet evidence = sheet(workbook, styles, "Evidence", header);
            int row = 1;
            for (Finding finding : input.run().findings()) {
                if (!inScope(input, finding)) {
                    continue;
                }
                for (Evidence e : finding.evidence()) {
                    Row line = evidence.createRow(row++);
                    text(line, 0, finding.vendorId(), styles);
                    line.createCell(1).setCellValue(finding.step());
                    text(line, 2, e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), styles);
                    text(line, 3, e.description(), styles);
                    text(line, 4, e.document().orElse(""), styles);
                    if (e.page().isPresent()) {
                        line.createCell(5).setCellValue(e.page().getAsInt());
                    }
                    text(line, 6, Text.clip(e.snippet(), 2000), styles);
                }
            }
            finish(evidence, row, header.size());
            AtomicFiles.write(xlsx, workbook::write);
        }
    }

    private static boolean inScope(ReportInput input, Finding finding) {
        return input.vendorId().map(id -> id.equals(finding.vendorId())).orElse(true);
    }

    private static SXSSFSheet sheet(SXSSFWorkbook workbook, Styles styles, String name, List<String> header) {
        SXSSFSheet sheet = workbook.createSheet(name);
        Row row = sheet.createRow(0);
        for (int i = 0; i < header.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(header.get(i));
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(i, (i == header.size() - 1 ? 80 : 18) * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private static void finish(SXSSFSheet sheet, int rows, int columns) {
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows - 1), 0, columns - 1));
    }

    static void text(Row row, int column, String value, Styles styles) {
        if (value == null || value.isEmpty()) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (formulaLike(value)) {
            cell.setCellStyle(styles.quoted);
        }
    }

    static boolean formulaLike(String text) {
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static void status(Row row, int column, Status status, Styles styles) {
        Cell cell = row.createCell(column);
        cell.setCellValue(status.name().toLowerCase(Locale.ROOT));
        cell.setCellStyle(styles.status.get(status));
    }

    /** The styles a workbook needs, created once. */
    static final class Styles {
        final CellStyle header;
        final CellStyle quoted;
        final Map<Status, CellStyle> status = new EnumMap<>(Status.class);

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            quoted = workbook.createCellStyle();
            quoted.setQuotePrefixed(true);
            for (Status s : Status.values()) {
                CellStyle style = workbook.createCellStyle();
                // Indexed colours need no OOXML schema types and match the PDF's shades of the same hue.
                style.setFillForegroundColor(switch (s) {
                    case FAIL -> IndexedColors.ROSE.getIndex();
                    case WARNING -> IndexedColors.LIGHT_ORANGE.getIndex();
                    case UNKNOWN -> IndexedColors.GREY_25_PERCENT.getIndex();
                    case PASS -> IndexedColors.LIGHT_GREEN.getIndex();
                });
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                status.put(s, style);
            }
        }
    }
}
