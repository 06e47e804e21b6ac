package org.civicsla.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ExtendedColor;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.civicsla.core.check.Evidence;
import org.civicsla.core.check.Finding;
import org.civicsla.core.check.Status;
import org.civicsla.core.files.AtomicFiles;
import org.civicsla.core.model.Vendor;

/**
 * The findings workbook an auditor keeps: a summary sheet (vendor × step), one sheet per checklist
 * step ("Step 2", "Step 5", and any other step the run has findings for) and one of evidence. Headers
 * are frozen, every sheet has an auto-filter, statuses are filled with the PDF's colours and spelled
 * out. Streamed (SXSSF), so a portfolio of thousands of vendors does not sit in memory.
 * <p>
 * Formula injection: every text cell is a string cell, never a formula, and text a spreadsheet could
 * still take for one when it is edited or exported to CSV (starting with = + - @, tab or CR) is also
 * quote-prefixed, so a vendor named {@code =cmd|' /C calc'!A0} stays a name.
 */
public final class FindingsWorkbook {

    /** Rows SXSSF keeps in memory per sheet before flushing to its temporary file. */
    private static final int WINDOW = 200;
    /** Excel's limit for the text of one cell. */
    private static final int CELL_CHARS = 32_767;
    /** Quotes in the evidence sheet: long enough to read the clause, short enough to scan. */
    private static final int QUOTE_CHARS = 2_000;

    private FindingsWorkbook() {
    }

    /** Writes the workbook to {@code xlsx}; a half-written or cancelled workbook never replaces an earlier one. */
    public static void write(ReportInput input, Path xlsx, ReportMonitor monitor) throws IOException {
        AtomicFiles.write(xlsx, out -> write(input, out, monitor));
    }

    public static void write(ReportInput input, Path xlsx) throws IOException {
        write(input, xlsx, ReportMonitor.NONE);
    }

    /** Writes the workbook to {@code out}, which stays open. */
    public static void write(ReportInput input, OutputStream out, ReportMonitor monitor) throws IOException {
        StepMatrix matrix = StepMatrix.of(input.data(), input.run());
        if (input.vendorId().isPresent() && matrix.vendors().stream().noneMatch(v -> v.id().equals(input.vendorId().get()))) {
            throw new IllegalArgumentException("vendor " + input.vendorId().get() + ": no such vendor in workspace "
                    + input.workspaceName());
        }
        Map<String, String> names = new HashMap<>();
        input.data().vendors().forEach(v -> names.put(v.id(), v.name()));
        List<Finding> findings = input.run().findings().stream()
                .filter(f -> input.vendorId().map(id -> id.equals(f.vendorId())).orElse(true)).toList();
        monitor.begin("Writing the findings workbook", matrix.steps().size() + 3);
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        try {
            Styles styles = new Styles(workbook);
            summary(workbook, styles, matrix, input);
            monitor.worked(1);
            for (int step : matrix.steps()) {
                monitor.checkCancelled();
                stepSheet(workbook, styles, step, findings, names);
                monitor.worked(1);
            }
            monitor.checkCancelled();
            evidenceSheet(workbook, styles, findings, names);
            monitor.worked(1);
            monitor.checkCancelled();
            workbook.write(out);
            monitor.worked(1);
        } finally {
            workbook.close();
            // SXSSF keeps each sheet in a temporary file until then; close() alone leaves them behind.
            workbook.dispose();
        }
    }

    private static void summary(SXSSFWorkbook workbook, Styles styles, StepMatrix matrix, ReportInput input) {
        List<String> header = new ArrayList<>(List.of("Vendor ID", "Vendor", "Category", "Criticality"));
        matrix.steps().forEach(s -> header.add("Step " + s));
        header.add("Worst");
        SXSSFSheet sheet = sheet(workbook, styles, "Summary", header, List.of(12, 36, 18, 12));
        int r = 1;
        for (Vendor vendor : matrix.vendors()) {
            if (input.vendorId().isPresent() && !input.vendorId().get().equals(vendor.id())) {
                continue;
            }
            Row row = sheet.createRow(r++);
            text(row, 0, vendor.id(), styles);
            text(row, 1, vendor.name(), styles);
            text(row, 2, vendor.category(), styles);
            text(row, 3, vendor.criticality().name().toLowerCase(Locale.ROOT), styles);
            int c = 4;
            for (int step : matrix.steps()) {
                status(row, c++, matrix.cell(vendor.id(), step).status(), styles);
            }
            status(row, c, matrix.worst(vendor.id()), styles);
        }
        filter(sheet, r, header.size());
    }

    private static void stepSheet(SXSSFWorkbook workbook, Styles styles, int step, List<Finding> findings,
            Map<String, String> names) {
        List<Finding> ofStep = findings.stream().filter(f -> f.step() == step).toList();
        // The built-in checks judge a vendor as a whole; a Contract or Device column only where a check names one.
        boolean contracts = ofStep.stream().anyMatch(f -> f.contractId().isPresent());
        boolean devices = ofStep.stream().anyMatch(f -> f.deviceId().isPresent());
        List<String> header = new java.util.ArrayList<>(List.of("Vendor ID", "Vendor", "Check", "Status", "Severity"));
        List<Integer> widths = new java.util.ArrayList<>(List.of(12, 30, 14, 10, 10));
        if (contracts) {
            header.add("Contract");
            widths.add(12);
        }
        if (devices) {
            header.add("Device");
            widths.add(12);
        }
        header.addAll(List.of("Evidence items", "Reasons"));
        widths.addAll(List.of(10, 90));
        SXSSFSheet sheet = sheet(workbook, styles, "Step " + step, header, widths);
        int r = 1;
        for (Finding finding : ofStep) {
            Row row = sheet.createRow(r++);
            text(row, 0, finding.vendorId(), styles);
            text(row, 1, names.getOrDefault(finding.vendorId(), ""), styles);
            text(row, 2, finding.checkId(), styles);
            status(row, 3, finding.status(), styles);
            text(row, 4, finding.severity().name().toLowerCase(Locale.ROOT), styles);
            int c = 5;
            if (contracts) {
                text(row, c++, finding.contractId().orElse(""), styles);
            }
            if (devices) {
                text(row, c++, finding.deviceId().orElse(""), styles);
            }
            row.createCell(c++).setCellValue(finding.evidence().size());
            text(row, c, String.join("\n", finding.reasons()), styles);
        }
        filter(sheet, r, header.size());
    }

    private static void evidenceSheet(SXSSFWorkbook workbook, Styles styles, List<Finding> findings,
            Map<String, String> names) {
        List<String> header = List.of("Vendor ID", "Vendor", "Step", "Check", "Status", "Kind", "Description",
                "Document", "Page", "Quote");
        SXSSFSheet sheet = sheet(workbook, styles, "Evidence", header, List.of(12, 30, 6, 14, 10, 14, 36, 28, 6, 90));
        int r = 1;
        for (Finding finding : findings) {
            for (Evidence e : finding.evidence()) {
                Row row = sheet.createRow(r++);
                text(row, 0, finding.vendorId(), styles);
                text(row, 1, names.getOrDefault(finding.vendorId(), ""), styles);
                row.createCell(2).setCellValue(finding.step());
                text(row, 3, finding.checkId(), styles);
                status(row, 4, finding.status(), styles);
                text(row, 5, e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), styles);
                text(row, 6, e.description(), styles);
                text(row, 7, e.document().orElse(""), styles);
                if (e.page().isPresent()) {
                    row.createCell(8).setCellValue(e.page().getAsInt());
                }
                text(row, 9, e.snippet().isBlank() ? "" : Text.clip(e.snippet(), QUOTE_CHARS), styles);
            }
        }
        filter(sheet, r, header.size());
    }

    private static SXSSFSheet sheet(SXSSFWorkbook workbook, Styles styles, String name, List<String> header,
            List<Integer> widths) {
        SXSSFSheet sheet = workbook.createSheet(name);
        Row row = sheet.createRow(0);
        for (int i = 0; i < header.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(header.get(i));
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(i, (i < widths.size() ? widths.get(i) : 10) * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    /** The auto-filter over the header and the data rows written. */
    private static void filter(SXSSFSheet sheet, int rows, int columns) {
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows - 1), 0, columns - 1));
    }

    /** A string cell, quote-prefixed when its text could be taken for a formula; nothing for empty text. */
    static void text(Row row, int column, String value, Styles styles) {
        if (value == null || value.isEmpty()) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value.length() > CELL_CHARS ? Text.clip(value, CELL_CHARS - 2) : value);
        cell.setCellStyle(formulaLike(value) ? styles.quoted : styles.text);
    }

    /** Whether a spreadsheet could read the text as a formula (OWASP's list of trigger characters). */
    static boolean formulaLike(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static void status(Row row, int column, Status status, Styles styles) {
        Cell cell = row.createCell(column);
        cell.setCellValue(StatusColors.word(status));
        cell.setCellStyle(styles.status.get(status));
    }

    /** The styles a workbook needs, created once: a workbook holds at most 64,000 styles. */
    static final class Styles {
        final CellStyle header;
        final CellStyle text;
        final CellStyle quoted;
        final Map<Status, CellStyle> status = new EnumMap<>(Status.class);

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(rgb(workbook, new Color(0xE8, 0xEC, 0xF2)));
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            text = workbook.createCellStyle();
            text.setWrapText(true);
            text.setVerticalAlignment(VerticalAlignment.TOP);
            quoted = workbook.createCellStyle();
            quoted.cloneStyleFrom(text);
            quoted.setQuotePrefixed(true);
            for (Status s : Status.values()) {
                CellStyle style = workbook.createCellStyle();
                style.setVerticalAlignment(VerticalAlignment.TOP);
                // The PDF's colours exactly, so both reports agree.
                style.setFillForegroundColor(rgb(workbook, StatusColors.of(s)));
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                status.put(s, style);
            }
        }

        /** An RGB colour through the format-neutral API: no OOXML schema types in this bundle's code. */
        private static ExtendedColor rgb(SXSSFWorkbook workbook, Color color) {
            ExtendedColor rgb = workbook.getCreationHelper().createExtendedColor();
            rgb.setRGB(new byte[] { (byte) color.getRed(), (byte) color.getGreen(), (byte) color.getBlue() });
            return rgb;
        }
    }
}
