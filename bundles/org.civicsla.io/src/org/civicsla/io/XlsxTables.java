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
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

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
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
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
                    parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings,
                            new Rows(name, sheetName, entity, problems, sink), new RawValues(), false));
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
            problems.add(new ImportProblem(name, "", 0, "", "cannot be read: " + e.getMessage()));
        }
    }

    /**
     * Numbers as the typed value, not as displayed: a date cell becomes {@code YYYY-MM-DD} whatever date
     * format the sheet shows it in, a number its plain digits ({@code 125000.5}, never {@code 1.25E+05}
     * or a rounded display).
     */
    private static final class RawValues extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904).toLocalDate().toString();
            }
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return String.valueOf(value);
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    /** Collects each row's cells by column letter and hands complete rows to the sink. */
    private static final class Rows implements SheetContentsHandler {
        private final String file;
        private final String sheet;
        private final Entity entity;
        private final List<ImportProblem> problems;
        private final TableSink sink;
        private final List<String> headerCells = new ArrayList<>();
        private final Map<Integer, String> cells = new HashMap<>();
        private List<String> columns;
        private boolean headerDone;
        private boolean unusable;

        Rows(String file, String sheet, Entity entity, List<ImportProblem> problems, TableSink sink) {
            this.file = file;
            this.sheet = sheet;
            this.entity = entity;
            this.problems = problems;
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            if (reference != null && formattedValue != null) {
                cells.put((int) new CellReference(reference).getCol(), formattedValue);
            }
        }

        @Override
        public void endRow(int rowNum) {
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
            Row row = new Row(file, sheet, rowNum + 1L, values, problems);
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
