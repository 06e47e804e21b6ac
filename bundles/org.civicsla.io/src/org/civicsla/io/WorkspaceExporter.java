package org.civicsla.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.civicsla.core.files.AtomicFiles;
import org.civicsla.core.files.FormulaSafety;
import org.civicsla.core.model.ClauseRecord;
import org.civicsla.core.model.Contract;
import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.DocumentRef;
import org.civicsla.core.model.LifecycleDate;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;

/**
 * Exports a workspace to an XLSX workbook in the import template, so the file re-imports to the same
 * records. Streaming (SXSSF) keeps memory flat for large workspaces. Text that a spreadsheet could
 * take for a formula ({@code = + - @}) is written as quoted text, never as a formula.
 */
public final class WorkspaceExporter {

    private WorkspaceExporter() {
    }

    public static void export(WorkspaceData data, Path xlsx) throws IOException {
        export(data, xlsx, () -> false);
    }

    /**
     * Exports {@code data} to {@code xlsx}, polling {@code cancelled} every thousand rows.
     *
     * @throws CancellationException when cancelled; the target file is then left as it was
     */
    public static void export(WorkspaceData data, Path xlsx, BooleanSupplier cancelled) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
            Styles styles = new Styles(workbook);
            for (Map.Entry<Entity, List<List<Object>>> table : tables(data).entrySet()) {
                sheet(workbook, styles, cancelled, table.getKey(), table.getValue());
            }
            AtomicFiles.write(xlsx, workbook::write);
        }
    }

    /**
     * Writes the workspace as one CSV file per kind of record ({@code vendors.csv}, {@code contacts.csv},
     * ...) into {@code folder}, in the import template: UTF-8, comma separated, a header row first. A
     * spreadsheet opening a CSV file runs text starting with {@code = + - @} as a formula, so such text
     * is written with a leading apostrophe, which the CSV import removes again.
     */
    public static void exportCsv(WorkspaceData data, Path folder) throws IOException {
        for (Map.Entry<Entity, List<List<Object>>> table : tables(data).entrySet()) {
            csv(folder, table.getKey(), table.getValue());
        }
    }

    /** The rows of every sheet, in the template's column order, sheets in the order a person reads them. */
    private static Map<Entity, List<List<Object>>> tables(WorkspaceData data) {
        Map<Entity, List<List<Object>>> tables = new LinkedHashMap<>();
        tables.put(Entity.VENDORS, data.vendors().stream().map(WorkspaceExporter::row).toList());
        tables.put(Entity.CONTACTS, data.vendors().stream().flatMap(WorkspaceExporter::furtherContacts).toList());
        tables.put(Entity.DEVICE_MODELS, data.deviceModels().stream().map(WorkspaceExporter::row).toList());
        tables.put(Entity.CONTRACTS, data.contracts().stream().map(WorkspaceExporter::row).toList());
        tables.put(Entity.DOCUMENTS, data.contracts().stream().flatMap(WorkspaceExporter::documentRows).toList());
        tables.put(Entity.DEVICES, data.devices().stream().map(WorkspaceExporter::row).toList());
        tables.put(Entity.CLAUSES, data.clauses().stream().map(WorkspaceExporter::row).toList());
        return tables;
    }

    private static void csv(Path folder, Entity entity, List<List<Object>> rows) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
        AtomicFiles.write(folder.resolve(entity.csvFile()), out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            CSVPrinter printer = new CSVPrinter(writer, format);
            printer.printRecord(entity.columns());
            for (List<Object> values : rows) {
                List<String> cells = new ArrayList<>(values.size());
                for (Object value : values) {
                    String text = value == null ? "" : value instanceof BigDecimal number ? number.toPlainString()
                            : value.toString();
                    cells.add(FormulaSafety.toCsv(text));
                }
                printer.printRecord(cells);
            }
            printer.flush();
        });
    }

    private static void sheet(SXSSFWorkbook workbook, Styles styles, BooleanSupplier cancelled, Entity entity,
            List<List<Object>> rows) {
        SXSSFSheet sheet = workbook.createSheet(entity.sheet());
        var header = sheet.createRow(0);
        for (int i = 0; i < entity.columns().size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(entity.columns().get(i));
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(i, 18 * 256);
        }
        sheet.createFreezePane(0, 1);
        int r = 1;
        for (List<Object> values : rows) {
            if (r % 1000 == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException("export cancelled; " + entity.sheet() + " was being written");
            }
            var row = sheet.createRow(r++);
            for (int i = 0; i < values.size(); i++) {
                write(row.createCell(i), values.get(i), styles);
            }
        }
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, entity.columns().size() - 1));
    }

    static void write(Cell cell, Object value, Styles styles) {
        if (value instanceof Integer number) {
            cell.setCellValue(number);
        } else if (value instanceof BigDecimal number && number.precision() <= 15) {
            // A double holds 15 significant digits exactly; larger amounts are written as text to keep every digit.
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof BigDecimal number) {
            cell.setCellValue(number.toPlainString());
        } else {
            String text = value == null ? "" : value.toString();
            if (text.isEmpty()) {
                return;
            }
            cell.setCellValue(text);
            if (FormulaSafety.looksLikeFormula(text)) {
                cell.setCellStyle(styles.quoted);
            }
        }
    }

    /**
     * The cells of {@code record} (a vendor, device model, contract, device or clause record) as an export writes
     * them, by column of {@code entity}: what an import of fewer columns keeps for the columns it lacks.
     */
    static Map<String, String> cells(Entity entity, Object record) {
        List<Object> values = switch (record) {
            case Vendor v -> row(v);
            case DeviceModel m -> row(m);
            case Contract c -> row(c);
            case Device d -> row(d);
            case ClauseRecord c -> row(c);
            default -> throw new IllegalArgumentException("not a record of an import sheet: " + record);
        };
        Map<String, String> cells = new java.util.HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            cells.put(entity.columns().get(i), value == null ? ""
                    : value instanceof java.math.BigDecimal amount ? amount.toPlainString() : value.toString());
        }
        return cells;
    }

    private static List<Object> row(Vendor v) {
        var contact = v.contacts().isEmpty() ? null : v.contacts().get(0);
        return list(v.id(), v.name(), v.category(), lower(v.criticality()), contact == null ? "" : contact.name(),
                contact == null ? "" : contact.role(), contact == null ? "" : contact.email(),
                contact == null ? "" : contact.phone());
    }

    /** The Vendors sheet holds a vendor's first contact; the Contacts sheet the others, in order. */
    private static Stream<List<Object>> furtherContacts(Vendor v) {
        return v.contacts().stream().skip(1).map(c -> list(v.id(), c.name(), c.role(), c.email(), c.phone()));
    }

    /** Each milestone keeps its own verification date, so the shared {@code verified} column stays empty. */
    private static List<Object> row(DeviceModel m) {
        return list(m.id(), m.vendorId(), m.model(), m.category(), date(m.endOfSale()), m.endOfSale().source(),
                date(m.endOfSupport()), m.endOfSupport().source(), date(m.endOfSecurityUpdates()),
                m.endOfSecurityUpdates().source(), "", m.unitCost().orElse(null), verified(m.endOfSale()),
                verified(m.endOfSupport()), verified(m.endOfSecurityUpdates()));
    }

    private static List<Object> row(Contract c) {
        return list(c.id(), c.vendorId(), c.number(), c.type(), c.start().map(LocalDate::toString).orElse(""),
                c.initialTermMonths(), lower(c.renewal()), c.renewalPeriodMonths(), c.noticeDays(), lower(c.status()),
                c.value().orElse(null), c.currency(), String.join("; ", c.covers()),
                listsPathsInline(c) ? String.join("; ", c.documents().stream().map(DocumentRef::path).toList()) : "");
    }

    /**
     * The Documents sheet gives the titles of the paths the documents column lists; when a path holds
     * the list separator, all of the contract's documents go to the sheet instead, in order.
     */
    private static Stream<List<Object>> documentRows(Contract c) {
        boolean inline = listsPathsInline(c);
        return c.documents().stream().filter(d -> !inline || !d.title().isEmpty())
                .map(d -> list(c.id(), d.path(), d.title()));
    }

    private static boolean listsPathsInline(Contract c) {
        return c.documents().stream().noneMatch(d -> d.path().contains(";") || !d.path().equals(d.path().strip()));
    }

    private static List<Object> row(Device d) {
        return list(d.id(), d.modelId(), d.site(), d.district(), d.installed().map(LocalDate::toString).orElse(""),
                d.serviceLifeYears(), d.firmware(), lower(d.criticality()), d.contractId().orElse(""),
                d.plannedReplacement().map(LocalDate::toString).orElse(""));
    }

    private static List<Object> row(ClauseRecord c) {
        return list(c.contractId(), c.clauseType(), lower(c.state()), c.reason(), c.document(), c.section());
    }

    private static String verified(LifecycleDate date) {
        return date.verified().map(LocalDate::toString).orElse("");
    }

    private static String date(LifecycleDate date) {
        return date.date().map(LocalDate::toString).orElse("");
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static List<Object> list(Object... values) {
        List<Object> list = new ArrayList<>(values.length);
        java.util.Collections.addAll(list, values);
        return list;
    }

    /** The few cell styles an export needs, created once per workbook. */
    static final class Styles {
        final CellStyle header;
        final CellStyle quoted;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            quoted = workbook.createCellStyle();
            // Excel keeps a quote-prefixed cell as text even when a person edits it later.
            quoted.setQuotePrefixed(true);
        }
    }
}
