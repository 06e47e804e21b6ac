package org.civicsla.index.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextExtractorTest {

    @TempDir
    Path folder;

    /** A PDF whose text is set in Tahoma, named but not embedded: PDFBox warns that it falls back to another font. */
    private Path pdfWithAMissingFont() throws Exception {
        return pdfWithAMissingFont("tahoma.pdf", "The Supplier shall notify the City.");
    }

    /** {@code line}: the page's text as a PDF string (octal escapes for bytes of WinAnsiEncoding). */
    private Path pdfWithAMissingFont(String name, String line) throws Exception {
        Path file = folder.resolve(name);
        try (PDDocument document = new PDDocument()) {
            COSDictionary font = new COSDictionary();
            font.setItem(COSName.TYPE, COSName.FONT);
            font.setItem(COSName.SUBTYPE, COSName.TRUE_TYPE);
            font.setName(COSName.BASE_FONT, "Tahoma");
            font.setInt(COSName.FIRST_CHAR, 32);
            font.setInt(COSName.LAST_CHAR, 126);
            COSArray widths = new COSArray();
            for (int c = 32; c <= 126; c++) {
                widths.add(COSInteger.get(500));
            }
            font.setItem(COSName.WIDTHS, widths);
            font.setItem(COSName.ENCODING, COSName.WIN_ANSI_ENCODING);
            PDPage page = new PDPage();
            PDResources resources = new PDResources();
            resources.getCOSObject().setItem(COSName.FONT, new COSDictionary());
            ((COSDictionary) resources.getCOSObject().getDictionaryObject(COSName.FONT)).setItem(COSName.getPDFName("F1"), font);
            page.setResources(resources);
            page.setContents(new PDStream(document, new java.io.ByteArrayInputStream(
                    ("BT /F1 12 Tf 72 720 Td (" + line + ") Tj ET").getBytes(StandardCharsets.US_ASCII))));
            document.addPage(page);
            document.save(file.toFile());
        }
        return file;
    }

    @Test
    void noBreakSpacesArePlainSpacesInTheTextAndItsHeadings() throws Exception {
        // \240 is a no-break space in WinAnsiEncoding: PDFBox gives U+00A0, as for many real contracts' PDFs.
        DocumentText pdf = TextExtractor.extract(pdfWithAMissingFont("nbsp.pdf", "ARTICLE\\240VII\\240INDEMNITY"),
                TextExtractor.Limits.DEFAULT);
        assertTrue(pdf.text().contains("ARTICLE VII INDEMNITY"), pdf.text());
        Path txt = folder.resolve("nbsp.txt");
        java.nio.file.Files.writeString(txt, "9.\u00A0LIMITATION OF LIABILITY\nThe\u202Fcap is 12\u2007months of fees.\n");
        DocumentText text = TextExtractor.extract(txt, TextExtractor.Limits.DEFAULT);
        assertEquals("9. LIMITATION OF LIABILITY\nThe cap is 12 months of fees.\n", text.text());
        assertEquals(List.of("9. LIMITATION OF LIABILITY"), text.sections().stream().map(DocumentText.Section::title).toList());
    }

    @Test
    void pdfBoxFontWarningsDoNotReachTheLogUnlessItsLevelIsConfigured() throws Exception {
        Path pdf = pdfWithAMissingFont();
        List<LogRecord> published = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLoggerName() != null && (record.getLoggerName().startsWith("org.apache.pdfbox")
                        || record.getLoggerName().startsWith("org.apache.fontbox"))) {
                    published.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        try {
            assertTrue(TextExtractor.extract(pdf, TextExtractor.Limits.DEFAULT).text().contains("The Supplier shall notify"));
            assertEquals(List.of(), published.stream().map(LogRecord::getMessage).toList());
        } finally {
            root.removeHandler(handler);
        }
    }

    /**
     * An SLA in Word: its service levels in a table, read a row to a line in document order; its table of contents
     * (Word's "TOC" styles) neither text nor section headings, so that "Security Incidents<tab>4" is no evidence.
     */
    @Test
    void docxTablesAreReadAndItsTableOfContentsIsNot() throws Exception {
        Path docx = folder.resolve("sla.docx");
        try (org.apache.poi.xwpf.usermodel.XWPFDocument document = new org.apache.poi.xwpf.usermodel.XWPFDocument()) {
            var title = document.createParagraph();
            title.setStyle("TOCHeading");
            title.createRun().setText("Contents");
            var entry = document.createParagraph();
            entry.setStyle("TOC1");
            entry.createRun().setText("Security Incidents");
            entry.createRun().addTab();
            entry.createRun().setText("4");
            var heading = document.createParagraph();
            heading.setStyle("Heading1");
            heading.createRun().setText("Security Incidents");
            document.createParagraph().createRun().setText("The Supplier responds to incidents as follows.");
            var table = document.createTable(2, 3);
            String[][] cells = { { "Severity", "Response", "Cover" }, { "1 (critical)", "within 4 hours", "24x7" } };
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 3; c++) {
                    table.getRow(r).getCell(c).setText(cells[r][c]);
                }
            }
            // A table in a cell, as Word nests them for a layout.
            var cell = table.getRow(1).getCell(2);
            var inner = new org.apache.poi.xwpf.usermodel.XWPFTable(cell.getCTTc().addNewTbl(), cell, 1, 2);
            inner.getRow(0).getCell(0).setText("365 days");
            inner.getRow(0).getCell(1).setText("on site");
            document.createParagraph().createRun().setText("Fees are due monthly.");
            // Word's table of contents in a content control, and a clause a contract template wraps in one.
            document.createTOC(); // of the heading above
            var clause = document.getDocument().getBody().addNewSdt().addNewSdtContent().addNewP();
            clause.addNewR().addNewT().setStringValue("The Supplier patches critical vulnerabilities within 30 days.");
            try (var out = java.nio.file.Files.newOutputStream(docx)) {
                document.write(out);
            }
        }
        DocumentText text = TextExtractor.extract(docx, TextExtractor.Limits.DEFAULT);
        assertEquals("""
                Security Incidents
                The Supplier responds to incidents as follows.
                Severity | Response | Cover
                1 (critical) | within 4 hours | 24x7 365 days | on site
                Fees are due monthly.
                The Supplier patches critical vulnerabilities within 30 days.
                """, text.text());
        assertEquals(List.of(new DocumentText.Section(0, "Security Incidents")), text.sections());
    }

    /**
     * A scan (no text layer) and a PDF whose glyphs map to control characters (a damaged file) say nothing: refused
     * with why, so that their clauses are unknown rather than missing.
     */
    @Test
    void aPdfWithoutReadableTextIsRefused() throws Exception {
        Path scan = folder.resolve("scan.pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.addPage(new PDPage());
            document.save(scan.toFile());
        }
        ExtractionException none = org.junit.jupiter.api.Assertions.assertThrows(ExtractionException.class,
                () -> TextExtractor.extract(scan, TextExtractor.Limits.DEFAULT));
        assertEquals("scan.pdf: has almost no text (0 characters on 2 pages): a scan or images; attach a copy with a text"
                + " layer (OCR)", none.getMessage());
        ExtractionException garbled = org.junit.jupiter.api.Assertions.assertThrows(ExtractionException.class,
                () -> TextExtractor.refuseUnreadable("damaged.pdf", "\u0000(\u0000;\u0000+\u0000,\u0000%\u00037\u0003\u0014"
                        + " Ag\u0003reement \u0000\u0003\u0014\u0013", 1));
        assertTrue(garbled.getMessage().startsWith("damaged.pdf: its text cannot be read ("), garbled.getMessage());
        TextExtractor.refuseUnreadable("fine.pdf", "The Supplier shall notify the City \u0007of incidents.", 1);
    }
}
