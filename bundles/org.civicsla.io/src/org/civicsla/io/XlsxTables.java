package org.civicsla.io;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an XLSX import workbook with POI's streaming (SAX) reader, so a sheet of 100,000 devices
 * never becomes a DOM in memory. Formulas are never evaluated: a formula cell contributes the value
 * Excel cached for it, a text cell its text.
 */
final class XlsxTables {

    static {
        Limits.apply();
    }

    private XlsxTables() {
    }

    static void read(Path file, List<ImportProblem> problems, TableSink sink) throws IOException {
        String name = file.getFileName().toString();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            PlainSharedStrings strings = PlainSharedStrings.of(pkg);
            NumberFormats formats = new NumberFormats(reader.getStylesTable());
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            boolean known = false;
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String sheetName = sheets.getSheetName();
                    Entity entity = Entity.bySheet(sheetName).orElse(null);
                    if (entity == null) {
                        continue; // a README or notes sheet beside the data is fine
                    }
                    known = true;
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new SheetHandler(strings, formats,
                            new Rows(name, sheetName, entity, problems, sink)));
                    parser.parse(new InputSource(sheet));
                }
            }
            if (!known) {
                problems.add(new ImportProblem(name, "", 0, "", "has no sheet named "
                        + String.join(", ", java.util.Arrays.stream(Entity.values()).map(Entity::sheet).toList())));
            }
        } catch (CancellationException e) {
            throw e;
        } catch (SAXException e) {
            if (e.getException() instanceof CancellationException cancelled) {
                throw cancelled;
            }
            problems.add(new ImportProblem(name, "", 0, "", "is not a valid XLSX workbook: " + e.getMessage()));
        } catch (OLE2NotOfficeXmlFileException e) {
            problems.add(new ImportProblem(name, "", 0, "",
                    "is encrypted (password protected) or an old .xls workbook; save it unprotected as .xlsx"));
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            problems.add(new ImportProblem(name, "", 0, "", "is not an XLSX workbook: " + e.getMessage()));
        } catch (OpenXML4JException | ParserConfigurationException | RuntimeException e) {
            // POI signals zip bombs, truncated archives and malformed XML with runtime exceptions.
            problems.add(new ImportProblem(name, "", 0, "", "cannot be read: " + plain(e.getMessage())));
        }
    }

    /** POI's message in the user's words where it speaks to developers ("adjust this limit via ZipSecureFile..."). */
    static String plain(String message) {
        if (message == null) {
            return "damaged";
        }
        if (message.contains("Zip bomb") || message.contains("zip bomb")) {
            return "is compressed beyond the limits (a part inflating to over 500 times its size, or past 512 MB):"
                    + " refused as a possible zip bomb";
        }
        if (message.contains("DOCTYPE is disallowed")) {
            return "declares a DOCTYPE (entities that may read other files), which Excel never writes: refused";
        }
        return message;
    }

    /**
     * Numbers as the typed value, not as displayed: a date cell becomes {@code YYYY-MM-DD} whatever date
     * format the sheet shows it in, a number its plain digits ({@code 125000.5}, never {@code 1.25E+05}
     * or a rounded display). The format of each cell style is looked up once.
     */
    static final class NumberFormats {
        private final StylesTable styles;
        private final Map<Integer, Boolean> dateStyles = new HashMap<>();

        NumberFormats(StylesTable styles) {
            this.styles = styles;
        }

        String format(String raw, int style) {
            double value;
            try {
                value = Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                return raw; // not a number after all: let the column's own check say what is wrong
            }
            if (isDate(style) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return raw;
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }

        private boolean isDate(int style) {
            if (style < 0 || styles == null || style >= styles.getNumCellStyles()) {
                return false;
            }
            return dateStyles.computeIfAbsent(style, s -> {
                XSSFCellStyle cellStyle = styles.getStyleAt(s);
                return cellStyle != null
                        && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
            });
        }
    }

    /**
     * Reads the cells of one worksheet part. POI's XSSFSheetXMLHandler builds an XMLBeans rich text
     * object for every inline string (the kind SXSSF and many tools write), which costs more than the
     * rest of the import; the import only needs each cell's text. Formulas are never evaluated: a
     * formula cell contributes the value saved with it. Text is collected up to one character past
     * {@link Row#MAX_CELL_LENGTH}, so a hostile cell cannot fill the heap; {@link Row} reports it.
     */
    static final class SheetHandler extends DefaultHandler {
        private final PlainSharedStrings strings;
        private final NumberFormats formats;
        private final Rows rows;
        private final StringBuilder value = new StringBuilder();
        private int row = -1;
        private int column = -1;
        private String type;
        private int style;
        private boolean collecting;
        private boolean inInlineString;
        private boolean inPhonetic;
        /** The cell holds a formula; its value was saved with it (Excel saves one, some other writers do not). */
        private boolean formula;
        private boolean saved;

        SheetHandler(PlainSharedStrings strings, NumberFormats formats, Rows rows) {
            this.strings = strings;
            this.formats = formats;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    row = number(attributes.getValue("r")).map(r -> r - 1).orElse(row + 1);
                    column = -1;
                    rows.startRow(row);
                }
                case "c" -> {
                    // A reference is optional, and one Excel would not write (lower case, no letters) is read as
                    // Excel reads it, or as the next cell: never dropped.
                    String reference = attributes.getValue("r");
                    int at = reference == null ? -1 : column(reference);
                    column = at >= 0 ? at : column + 1;
                    type = attributes.getValue("t");
                    String s = attributes.getValue("s");
                    style = s == null ? -1 : Integer.parseInt(s);
                    value.setLength(0);
                    formula = false;
                    saved = false;
                }
                case "f" -> formula = true;
                case "v" -> {
                    collecting = true;
                    saved = true;
                }
                case "is" -> inInlineString = true;
                case "t" -> collecting = inInlineString && !inPhonetic;
                case "rPh" -> inPhonetic = true;
                default -> {
                    // f (formula text: never used), r and rPr (formatting runs of inline strings)
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> collecting = false;
                case "is" -> inInlineString = false;
                case "rPh" -> inPhonetic = false;
                case "c" -> cell();
                case "row" -> rows.endRow(row);
                default -> {
                    // nothing to do
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (collecting && value.length() <= Row.MAX_CELL_LENGTH) {
                value.append(ch, start, Math.min(length, Row.MAX_CELL_LENGTH + 1 - value.length()));
            }
        }

        private void cell() {
            if (formula && !saved) {
                rows.unsaved(column);
                return;
            }
            String raw = value.toString();
            String text;
            if (type == null || type.equals("n")) {
                text = raw.isEmpty() ? raw : formats.format(raw, style);
            } else {
                text = switch (type) {
                    case "s" -> raw.isEmpty() ? raw : sharedString(raw);
                    case "b" -> raw.equals("1") ? "TRUE" : raw.equals("0") ? "FALSE" : raw;
                    // "inlineStr", "str" (a formula's text result), "e" (an error such as #N/A), "d" (ISO date)
                    default -> raw;
                };
            }
            if (!text.isEmpty()) {
                rows.cell(column, text);
            }
        }

        /** The shared string a cell names; one that is not there is a problem of that cell, and the cell empty. */
        private String sharedString(String raw) {
            try {
                return strings.text(Integer.parseInt(raw.strip()));
            } catch (IllegalArgumentException e) { // NumberFormatException too
                rows.problem(row, column, "names shared string '" + raw.strip() + "', which the workbook does not have");
                return "";
            }
        }

        /** A row number as written, if it is one. */
        private static java.util.Optional<Integer> number(String text) {
            if (text == null) {
                return java.util.Optional.empty();
            }
            try {
                int number = Integer.parseInt(text.strip());
                return number > 0 ? java.util.Optional.of(number) : java.util.Optional.empty();
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        }

        /**
         * The 0-based column of a cell reference like "AB12" (CellReference parses with regular expressions), -1 when
         * it has no column letters.
         */
        static int column(String reference) {
            int column = 0;
            for (int i = 0; i < reference.length(); i++) {
                char c = Character.toUpperCase(reference.charAt(i));
                if (c >= 'A' && c <= 'Z') {
                    column = column * 26 + (c - 'A' + 1);
                } else if (c != '$') {
                    break;
                }
            }
            return column - 1;
        }
    }

    /** Collects each row's cells by column letter and hands complete rows to the sink. */
    static final class Rows {
        private final String file;
        private final String sheet;
        private final Entity entity;
        private final List<ImportProblem> problems;
        private final TableSink sink;
        private final List<String> headerCells = new ArrayList<>();
        private final Map<Integer, String> cells = new HashMap<>();
        private List<String> columns;
        private java.util.Set<String> header;
        private boolean headerDone;
        private boolean unusable;

        Rows(String file, String sheet, Entity entity, List<ImportProblem> problems, TableSink sink) {
            this.file = file;
            this.sheet = sheet;
            this.entity = entity;
            this.problems = problems;
            this.sink = sink;
        }

        /** Columns of the row whose formula has no saved value. */
        private final java.util.Set<Integer> unsaved = new java.util.HashSet<>();

        void startRow(int rowNum) {
            cells.clear();
            unsaved.clear();
        }

        /** The cell at {@code column} holds a formula without the value it computes: it is not read as empty. */
        void unsaved(int column) {
            if (column >= 0) {
                unsaved.add(column);
            }
        }

        /** A problem of the cell at (0-based) {@code rowNum} and {@code column}, named by its header where it has one. */
        void problem(int rowNum, int column, String reason) {
            String name = columns != null && column >= 0 && column < columns.size() && !columns.get(column).isEmpty()
                    ? columns.get(column) : CellReference.convertNumToColString(Math.max(0, column));
            problems.add(new ImportProblem(file, sheet, rowNum + 1L, name, reason));
        }

        void cell(int column, String text) {
            if (column >= 0) {
                cells.put(column, text);
            }
        }

        void endRow(int rowNum) {
            if (unusable) {
                return;
            }
            if (!headerDone) {
                int width = cells.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
                for (int i = 0; i < width; i++) {
                    headerCells.add(cells.getOrDefault(i, ""));
                }
                headerDone = true;
                columns = Header.check(file, sheet, entity, headerCells, problems);
                unusable = columns == null;
                header = unusable ? null : new java.util.HashSet<>(columns);
                return;
            }
            Map<String, String> values = new HashMap<>();
            for (Map.Entry<Integer, String> cell : cells.entrySet()) {
                int index = cell.getKey();
                if (index >= columns.size() || columns.get(index).isEmpty()) {
                    if (!cell.getValue().isBlank()) {
                        problems.add(new ImportProblem(file, sheet, rowNum + 1L,
                                CellReference.convertNumToColString(index), "value in a column without a header"));
                    }
                    continue;
                }
                values.put(columns.get(index), cell.getValue());
            }
            Map<String, String> refused = new HashMap<>();
            for (int index : unsaved) {
                if (index < columns.size() && !columns.get(index).isEmpty()) {
                    // Formulas are never evaluated here: without the value Excel saves with them there is nothing to read.
                    refused.put(columns.get(index), "holds a formula without its value saved (the workbook was written by"
                            + " a program that does not compute formulas); open it in Excel or LibreOffice and save it, or"
                            + " type the value");
                }
            }
            Row row = new Row(file, sheet, rowNum + 1L, values, header, problems, refused);
            if (!row.isBlank()) {
                sink.row(entity, row);
            }
        }
    }

    /** POI's zip-bomb guard, kept on with deliberate limits (see {@link #apply()}). */
    static final class Limits {
        private static boolean applied;

        private Limits() {
        }

        /**
         * Real workbooks with long runs of identical cells compress better than POI's default
         * minimum ratio (1%) allows; 0.2% still stops a crafted bomb, and the entry size cap bounds
         * what any single part may inflate to.
         */
        static synchronized void apply() {
            if (!applied) {
                ZipSecureFile.setMinInflateRatio(0.002);
                ZipSecureFile.setMaxEntrySize(512L * 1024 * 1024);
                applied = true;
            }
        }
    }
}
