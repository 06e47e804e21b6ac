package org.civicsla.index.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Extracts the text of PDF (PDFBox), DOCX (POI) and TXT contract documents, with page boundaries
 * for PDFs. Lines repeated at the top or bottom of most pages (running headers and footers) are
 * dropped so they neither pollute evidence nor count as clauses. Limits keep hostile files out: a
 * size cap, a page cap, POI's zip-bomb guard; the caller adds a time limit.
 */
public final class TextExtractor {

    /**
     * Version of what this class gives (text, pages, headers and footers dropped, section headings): change it, and
     * the index schema, whenever that changes. See {@link #version()}. 2: no-break spaces made plain, entries of a table of
     * contents are no section headings. 3: DOCX tables are read (a line per row) and
     * the entries of a DOCX table of contents are not. 4: a PDF without text (a scan) or with
     * unmappable glyphs is refused.
     */
    public static final String VERSION = "4";

    /**
     * What extraction gives depends on this class and on the PDFBox and POI that read the files: text kept from
     * another version of any of them is extracted again.
     */
    public static String version() {
        return VERSION + "/pdfbox-" + org.apache.pdfbox.util.Version.getVersion() + "/poi-" + org.apache.poi.Version.getVersion();
    }

    /** Limits of one extraction. */
    public record Limits(long maxBytes, int maxPages) {
        public static final Limits DEFAULT = new Limits(100L * 1024 * 1024, 2_000);
    }

    /**
     * PDFBox warns through commons-logging (in CivicSLA: java.util.logging) about every odd font of a PDF:
     * fallback fonts, broken CMaps. The product's logging.properties silences them; here they are silenced
     * unless a level is configured for them, so the command line's stderr and the log stay readable however
     * CivicSLA is started (without the start script, in tests, embedded). Held: java.util.logging keeps
     * loggers weakly, and a collected logger forgets its level.
     */
    private static final List<java.util.logging.Logger> FONT_WARNINGS = quietUnlessConfigured("org.apache.pdfbox",
            "org.apache.fontbox");

    private static List<java.util.logging.Logger> quietUnlessConfigured(String... names) {
        List<java.util.logging.Logger> loggers = new ArrayList<>();
        for (String name : names) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
            if (logger.getLevel() == null) {
                logger.setLevel(java.util.logging.Level.SEVERE);
            }
            loggers.add(logger);
        }
        return List.copyOf(loggers);
    }

    static {
        // DOCX parts of real regulations (DFARS) compress better than POI's default 1% allows;
        // 0.2% still stops crafted bombs, and the entry cap bounds what a part may inflate to.
        ZipSecureFile.setMinInflateRatio(0.002);
        // The same as the XLSX import's (POI's guard is one setting for the whole runtime); a DOCX part is held
        // to much less before POI reads it (see MAX_PART_BYTES).
        ZipSecureFile.setMaxEntrySize(512L * 1024 * 1024);
    }

    /**
     * The most a DOCX part may inflate to: the text of the DFARS, a large regulation, is 10 MB of XML; POI holds a
     * part as a tree many times its size, and two documents are read at once.
     */
    private static final long MAX_PART_BYTES = 64L * 1024 * 1024;


    /**
     * The most text a document may have: far beyond any contract (the longest CUAD contract has 0.3 million
     * characters), and what keeps two documents read at once, with their normalized copies and passages, within
     * the heap. A larger file is refused with this said, as the byte limit is.
     */
    public static final int MAX_CHARS = 32 * 1024 * 1024;

    private TextExtractor() {
    }

    public static boolean supports(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".pdf") || name.endsWith(".docx") || name.endsWith(".txt");
    }

    public static DocumentText extract(Path file, Limits limits) throws ExtractionException {
        String name = file.getFileName().toString();
        // A pipe or a device (a link to /dev/zero named .txt) has no size to check and may never end: not read.
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new ExtractionException(name + ": is not a regular file (" + (Files.isDirectory(file) ? "a folder"
                    : "a device or pipe") + "); not read");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ExtractionException(name + ": cannot be read: " + e.getMessage(), e);
        }
        if (size == 0) {
            throw new ExtractionException(name + ": is empty (0 bytes)");
        }
        if (size > limits.maxBytes()) {
            throw new ExtractionException(String.format("%s: is %,d MB; documents over %,d MB are not read", name,
                    size / (1024 * 1024), limits.maxBytes() / (1024 * 1024)));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".pdf")) {
                return pdf(file, name, limits);
            }
            if (lower.endsWith(".docx")) {
                return docx(file, name);
            }
            if (lower.endsWith(".txt")) {
                return DocumentText.singlePage(txt(file, name));
            }
        } catch (IOException | RuntimeException e) {
            // PDFBox and POI report damaged files with unchecked exceptions too.
            throw new ExtractionException(name + ": cannot be read: " + describe(e), e);
        }
        throw new ExtractionException(name + ": is not a PDF, DOCX or TXT document");
    }

    private static DocumentText pdf(Path file, String name, Limits limits) throws IOException, ExtractionException {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            int count = document.getNumberOfPages();
            if (count > limits.maxPages()) {
                throw new ExtractionException(name + ": has " + count + " pages; documents over " + limits.maxPages()
                        + " pages are not read");
            }
            PageStripper stripper = new PageStripper();
            stripper.setSortByPosition(false);
            try {
                stripper.writeText(document, stripper.text);
            } catch (Stopped e) {
                throw new ExtractionException(name + ": extraction was stopped (time limit)", e);
            } catch (TooLong e) {
                checkLength(name, MAX_CHARS + 1);
            }
            DocumentText text = assemble(withoutRunningHeaders(stripper.pages()));
            refuseUnreadable(name, text.text(), count);
            return text;
        } catch (InvalidPasswordException e) {
            throw new ExtractionException(name + ": is encrypted with a password; save an unprotected copy", e);
        }
    }

    /** Fewer characters than this per page on average: the pages are images (a scan), not text. */
    private static final int MIN_CHARS_PER_PAGE = 16;

    /**
     * Refuses a PDF whose text says nothing: a scan (pages of images, no text layer), or glyphs PDFBox cannot map to
     * characters (a damaged file, fonts without a text mapping: control characters where letters should be). Indexed,
     * such a document would make every clause in it "missing"; refused, its contract's clauses are unknown, with why.
     */
    static void refuseUnreadable(String name, String text, int pages) throws ExtractionException {
        int visible = 0;
        int garbled = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            visible++;
            if (c < 0x20 || c == 0x7F || c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF)) {
                garbled++;
            }
        }
        if (visible < MIN_CHARS_PER_PAGE * Math.max(pages, 1)) {
            throw new ExtractionException(String.format(Locale.ROOT, "%s: has almost no text (%d characters on %d %s):"
                    + " a scan or images; attach a copy with a text layer (OCR)", name, visible, pages, pages == 1 ? "page" : "pages"));
        }
        if (garbled * 5 > visible) {
            throw new ExtractionException(String.format(Locale.ROOT, "%s: its text cannot be read (%d%% of its characters"
                    + " are control codes: a damaged file, or fonts without a text mapping); save or export it again",
                    name, Math.round(100.0 * garbled / visible)));
        }
    }

    /**
     * Strips the whole document in one pass and notes where each page ends: one pass per page would walk
     * the page tree and reset the stripper once per page.
     */
    private static final class PageStripper extends PDFTextStripper {
        final java.io.StringWriter text = new java.io.StringWriter();
        private final List<Integer> ends = new ArrayList<>();

        @Override
        public void processPage(org.apache.pdfbox.pdmodel.PDPage page) throws IOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new Stopped();
            }
            super.processPage(page);
            ends.add(text.getBuffer().length());
            if (text.getBuffer().length() > MAX_CHARS) {
                throw new TooLong();
            }
        }

        List<String> pages() {
            List<String> pages = new ArrayList<>(ends.size());
            int start = 0;
            for (int end : ends) {
                pages.add(text.getBuffer().substring(start, end));
                start = end;
            }
            return pages;
        }
    }

    /** The text grew over {@link #MAX_CHARS}. */
    private static final class TooLong extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLong() {
            super(null, null, false, false);
        }
    }

    /** The time limit stopped an extraction between two pages. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    private static DocumentText docx(Path file, String name) throws IOException, ExtractionException {
        // The sizes the archive declares, read before POI builds its tree of a part; a part that inflates past what
        // it declares is stopped by POI's own guard.
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements();) {
                var entry = entries.nextElement();
                if (entry.getSize() > MAX_PART_BYTES) {
                    throw new ExtractionException(String.format(Locale.ROOT, "%s: has a part of %,d MB (%s); DOCX parts over"
                            + " %,d MB are not read", name, entry.getSize() / (1024 * 1024), entry.getName(),
                            MAX_PART_BYTES / (1024 * 1024)));
                }
            }
        } catch (java.util.zip.ZipException notZip) {
            // Not a zip archive: POI says what it is (an old .doc, a damaged file) below.
        }
        try (InputStream in = Files.newInputStream(file); XWPFDocument document = new XWPFDocument(in)) {
            StringBuilder text = new StringBuilder();
            // Paragraphs in a heading style are the document's own section headings; without any, they are
            // found in the text as for TXT and PDF.
            List<DocumentText.Section> headings = new ArrayList<>();
            // In document order: an SLA's service levels (severity, response time, hours of cover) are often a table.
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    String line = paragraph.getText();
                    if (line.isBlank()) {
                        continue;
                    }
                    // Word styles the entries of its table of contents ("Limitation of Liability<tab>8") and their
                    // title: they are neither a clause's evidence nor the sections they name.
                    String style = style(document, paragraph);
                    if (style.replace(" ", "").matches("toc\\d|tocheading")) {
                        continue;
                    }
                    checkLength(name, text.length() + line.length());
                    if (headingStyle(style)) {
                        headings.add(new DocumentText.Section(text.length(), line.strip()));
                    }
                    text.append(line).append('\n');
                } else if (element instanceof XWPFTable table) {
                    table(name, table, text);
                } else if (element instanceof org.apache.poi.xwpf.usermodel.XWPFSDT control) {
                    contentControl(name, control, text);
                }
            }
            String all = text.toString();
            List<DocumentText.Page> page = List.of(new DocumentText.Page(1, 0, all.length()));
            return headings.isEmpty() ? new DocumentText(all, page) : new DocumentText(all, page, headings);
        }
    }

    /**
     * A table, a line per row: its cells' text, separated by " | ", so that a row ("Severity 1 | 4 hours | 24x7")
     * reads as one statement. Rows are read once: a cell merged over several rows has its text in the first.
     */
    private static void table(String name, XWPFTable table, StringBuilder text) throws ExtractionException {
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                String cellText = cellText(cell).replaceAll("\\s+", " ").strip();
                if (!cellText.isEmpty()) {
                    cells.add(cellText);
                }
            }
            if (!cells.isEmpty()) {
                String line = String.join(" | ", cells);
                checkLength(name, text.length() + line.length());
                text.append(line).append('\n');
            }
        }
    }

    /** A line of a table of contents as Word writes it: the entry, a tab, its page number. */
    private static final java.util.regex.Pattern CONTENTS_LINE = java.util.regex.Pattern.compile("\\t\\s*\\d+\\s*$");

    /**
     * A content control around paragraphs: contract templates wrap clauses in them, and Word its table of contents,
     * which is left out (most of its lines end in a tab and a page number). POI gives a control's text only, without
     * its paragraphs' styles.
     */
    private static void contentControl(String name, org.apache.poi.xwpf.usermodel.XWPFSDT control, StringBuilder text)
            throws ExtractionException {
        List<String> lines = control.getContent().getText().lines().filter(line -> !line.isBlank()).toList();
        long contents = lines.stream().filter(line -> CONTENTS_LINE.matcher(line).find()).count();
        if (lines.isEmpty() || contents * 2 >= lines.size()) {
            return;
        }
        for (String line : lines) {
            checkLength(name, text.length() + line.length());
            text.append(line).append('\n');
        }
    }

    /**
     * A cell's paragraphs and the tables within it, on one line. POI's own cell text leaves nested tables out; XML
     * parsing stops documents nested deeper than 100 elements, so this recursion is shallow.
     */
    private static String cellText(XWPFTableCell cell) {
        List<String> parts = new ArrayList<>();
        for (IBodyElement element : cell.getBodyElements()) {
            if (element instanceof XWPFParagraph paragraph) {
                parts.add(paragraph.getText());
            } else if (element instanceof XWPFTable table) {
                for (XWPFTableRow row : table.getRows()) {
                    parts.add(String.join(" | ", row.getTableCells().stream().map(TextExtractor::cellText)
                            .filter(t -> !t.isBlank()).toList()));
                }
            }
        }
        return String.join(" ", parts);
    }

    /** The paragraph's style name in lower case ("heading 1", "toc 2", "title"); empty if it has none. */
    private static String style(XWPFDocument document, XWPFParagraph paragraph) {
        String id = paragraph.getStyleID();
        if (id == null) {
            return "";
        }
        var style = document.getStyles() == null ? null : document.getStyles().getStyle(id);
        return (style != null && style.getName() != null ? style.getName() : id).toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether a paragraph style is a heading or title style ("Heading 1", "heading 2", "Title"). */
    private static boolean headingStyle(String style) {
        return style.startsWith("heading") || style.equals("title");
    }

    /** TXT in UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252; binary files refused. */
    static String txt(Path file, String name) throws IOException, ExtractionException {
        // A byte is at most a character: a larger file has more text than a document may.
        if (Files.size(file) > MAX_CHARS) {
            checkLength(name, Math.toIntExact(Math.min(Integer.MAX_VALUE, Files.size(file))));
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        int offset = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        int controls = 0;
        int sample = Math.min(bytes.length, 64 * 1024);
        for (int i = 0; i < sample; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0 || b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) {
                controls++;
            }
        }
        if (controls > sample / 100) {
            throw new ExtractionException(name + ": is not a text file (binary content)");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException notUtf8) {
            // A UTF-8 file with a stray byte or two (a paste, a damaged copy) stays UTF-8, the stray bytes replaced:
            // read as Windows-1252, its every accent and dash would be garbled ("â€"").
            String utf8 = new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
            long replaced = utf8.chars().filter(c -> c == '\uFFFD').count();
            long multiByte = utf8.chars().filter(c -> c >= 0x80 && c != '\uFFFD').count();
            if (multiByte > 0 && replaced <= Math.max(2, multiByte / 100)) {
                return utf8;
            }
            // Most non-UTF-8 contracts are legacy Windows exports; Windows-1252 is a superset of Latin-1 for text.
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    /** Drops lines that open or close at least 60% of the pages (3 pages or more): running headers and footers. */
    static List<String> withoutRunningHeaders(List<String> pages) {
        if (pages.size() < 3) {
            return pages;
        }
        Map<String, Integer> edges = new HashMap<>();
        for (String page : pages) {
            for (String line : edgeLines(page)) {
                edges.merge(key(line), 1, Integer::sum);
            }
        }
        int threshold = (int) Math.ceil(pages.size() * 0.6);
        List<String> cleaned = new ArrayList<>(pages.size());
        for (String page : pages) {
            List<String> lines = new ArrayList<>(List.of(page.split("\n", -1)));
            trimEdge(lines, edges, threshold, true);
            trimEdge(lines, edges, threshold, false);
            cleaned.add(String.join("\n", lines));
        }
        return cleaned;
    }

    private static void trimEdge(List<String> lines, Map<String, Integer> edges, int threshold, boolean top) {
        for (int checked = 0; checked < 2 && !lines.isEmpty(); checked++) {
            int index = top ? firstNonBlank(lines) : lastNonBlank(lines);
            if (index < 0 || edges.getOrDefault(key(lines.get(index)), 0) < threshold) {
                return;
            }
            lines.remove(index);
        }
    }

    private static List<String> edgeLines(String page) {
        List<String> lines = List.of(page.split("\n", -1)).stream().filter(l -> !l.isBlank()).toList();
        List<String> edge = new ArrayList<>();
        for (int i = 0; i < Math.min(2, lines.size()); i++) {
            edge.add(lines.get(i));
            edge.add(lines.get(lines.size() - 1 - i));
        }
        return edge.stream().distinct().toList();
    }

    /** Page numbers differ from page to page; a header line is the same line with any digits. */
    private static String key(String line) {
        return DIGITS.matcher(line.strip()).replaceAll("#").toLowerCase(Locale.ROOT);
    }

    /** Compiled once: {@link String#replaceAll} compiles its pattern on every call, here every edge line of every page. */
    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("\\d+");

    private static int firstNonBlank(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static int lastNonBlank(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static DocumentText assemble(List<String> pages) {
        StringBuilder text = new StringBuilder();
        List<DocumentText.Page> bounds = new ArrayList<>(pages.size());
        for (int i = 0; i < pages.size(); i++) {
            int start = text.length();
            text.append(pages.get(i));
            if (!pages.get(i).endsWith("\n")) {
                text.append('\n');
            }
            bounds.add(new DocumentText.Page(i + 1, start, text.length()));
        }
        return new DocumentText(text.toString(), bounds);
    }

    /**
     * What went wrong, for the person who chose the file: POI's messages advise developers ("call a different part
     * of POI", "ZipSecureFile.setMinInflateRatio()"), so the cases people meet are said in their terms.
     */
    private static String describe(Throwable e) {
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        if (type.equals("OLE2NotOfficeXmlFileException") || message != null && message.contains("OLE2")) {
            return "is not a DOCX document: an old Word .doc, or a document protected with a password; save it as"
                    + " .docx without a password";
        }
        if (message != null && (message.contains("Zip bomb") || message.contains("zip bomb"))) {
            return "is compressed beyond the limits (a part inflating to over 500 times its size, or past 512 MB):"
                    + " refused as a possible zip bomb";
        }
        if (message != null && message.contains("DOCTYPE is disallowed")) {
            return "declares a DOCTYPE (entities that may read other files or expand without end), which Word never"
                    + " writes: refused";
        }
        if (type.equals("RecordFormatException") && message != null && message.contains("maximum length")) {
            return "has a part too large to read";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (message != null && (message.contains("Missing root object") || message.contains("Header doesn't contain versioninfo")
                || message.contains("Error: End-of-File, expected line"))) {
            // PDFBox's words for a file that is no PDF or lost its structure: what a person can do about it.
            return "is damaged: its PDF structure is missing or cut off (" + message.strip() + "); save or export it again";
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static void checkLength(String name, int length) throws ExtractionException {
        if (length > MAX_CHARS) {
            throw new ExtractionException(String.format(Locale.ROOT,
                    "%s: has more than %,d characters of text; documents this long are not read (split it)", name, MAX_CHARS));
        }
    }
}
