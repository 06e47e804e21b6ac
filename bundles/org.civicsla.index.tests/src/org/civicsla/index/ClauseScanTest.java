package org.civicsla.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.civicsla.index.clauses.ClauseDetector;
import org.civicsla.index.extract.DocumentText;
import org.civicsla.index.extract.ExtractionException;
import org.civicsla.index.extract.TextExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClauseScanTest {

    @TempDir
    Path dir;

    /** A PDF whose pages carry the same header and a page number, and the given body lines. */
    private Path pdf(String name, List<List<String>> pages, boolean encrypted) throws Exception {
        Path file = dir.resolve(name);
        try (PDDocument document = new PDDocument()) {
            int number = 0;
            for (List<String> body : pages) {
                number++;
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                    text.beginText();
                    text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                    text.newLineAtOffset(72, 720);
                    List<String> lines = new ArrayList<>();
                    lines.add("RIVERTON MASTER SERVICES AGREEMENT - CONFIDENTIAL");
                    lines.addAll(body);
                    lines.add("Page " + number + " of " + pages.size());
                    for (String line : lines) {
                        text.showText(line);
                        text.newLineAtOffset(0, -16);
                    }
                    text.endText();
                }
            }
            if (encrypted) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "secret", new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            document.save(file.toFile());
        }
        return file;
    }

    @Test
    void extractsPdfPagesAndDropsRunningHeadersAndFooters() throws Exception {
        Path file = pdf("msa.pdf", List.of(List.of("1. Scope of the services."),
                List.of("7. The Supplier shall notify the City of any security incident within 72 hours."),
                List.of("9. Either party may terminate for convenience on 90 days notice.")), false);
        DocumentText text = TextExtractor.extract(file, TextExtractor.Limits.DEFAULT);
        assertEquals(3, text.pages().size());
        assertTrue(!text.text().contains("CONFIDENTIAL") && !text.text().contains("Page 2 of 3"), text.text());
        int incident = text.text().indexOf("security incident");
        assertEquals(2, text.pageAt(incident).getAsInt());
    }

    @Test
    void readsDocxAndTextInItsEncoding() throws Exception {
        Path docx = dir.resolve("sla.docx");
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText("The Vendor shall provide firmware updates free of charge.");
            try (var out = Files.newOutputStream(docx)) {
                document.write(out);
            }
        }
        assertTrue(TextExtractor.extract(docx, TextExtractor.Limits.DEFAULT).text().contains("firmware updates"));

        String german = "Die Müller GmbH haftet für Schäden.";
        Path latin = Files.write(dir.resolve("latin.txt"), german.getBytes(Charset.forName("windows-1252")));
        assertEquals(german, TextExtractor.extract(latin, TextExtractor.Limits.DEFAULT).text());
        // UTF-8 with one stray byte stays UTF-8 (read as Windows-1252, "—" would become "â€"").
        byte[] utf8 = (german + " Fees — see § 12.").getBytes(StandardCharsets.UTF_8);
        byte[] stray = java.util.Arrays.copyOf(utf8, utf8.length + 1);
        stray[utf8.length] = (byte) 0xFF;
        Path damaged = Files.write(dir.resolve("stray.txt"), stray);
        assertEquals(german + " Fees — see § 12.\uFFFD", TextExtractor.extract(damaged, TextExtractor.Limits.DEFAULT).text());
        Path utf16 = dir.resolve("utf16.txt");
        byte[] body = german.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        Files.write(utf16, withBom);
        assertEquals(german, TextExtractor.extract(utf16, TextExtractor.Limits.DEFAULT).text());
    }

    @Test
    void badFilesGetClearErrorsAndTheOthersAreScanned() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("contracts"));
        Files.writeString(folder.resolve("good.txt"), "The City may audit the Supplier's records at any time.");
        Files.write(folder.resolve("empty.txt"), new byte[0]);
        Files.write(folder.resolve("binary.txt"), new byte[] { 0, 1, 2, 3, 4, 5, 0, 0, 7, 8, 0, 1 });
        Files.move(pdf("locked.pdf", List.of(List.of("Secret terms.")), true), folder.resolve("locked.pdf"));
        Path good = pdf("good2.pdf", List.of(List.of("Insurance: the Supplier shall maintain insurance coverage.")), false);
        byte[] whole = Files.readAllBytes(good);
        Files.write(folder.resolve("truncated.pdf"), java.util.Arrays.copyOf(whole, whole.length / 3));
        Files.writeString(folder.resolve("corrupt.pdf"), "%PDF-1.7\nthis is not a PDF body at all\n");
        Files.write(folder.resolve("bomb.docx"), zipBomb(64));
        Files.write(folder.resolve("big.docx"), zipBomb(65)); // declares a part larger than POI should hold
        try (RandomAccessFile huge = new RandomAccessFile(folder.resolve("huge.txt").toFile(), "rw")) {
            huge.setLength(200L * 1024 * 1024); // sparse: 200 MB on paper, nothing on disk
        }
        try (RandomAccessFile tooLong = new RandomAccessFile(folder.resolve("long.txt").toFile(), "rw")) {
            tooLong.setLength(40L * 1024 * 1024); // under the byte limit, over the text a document may have
        }
        // An old Word document (OLE2) saved under a .docx name.
        Files.write(folder.resolve("old.docx"), new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
            (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0, 0, 0, 0, 0 });

        StringWriter csv = new StringWriter();
        List<String> errors = new ArrayList<>();
        ClauseScan.Summary summary = ClauseScan.scan(List.of(folder), ClauseDetector.standard(), csv, errors::add, () -> false);

        assertEquals(1, summary.documents(), errors.toString());
        assertEquals(10, summary.failed(), errors.toString());
        assertTrue(errors.contains("empty.txt: is empty (0 bytes)"), errors.toString());
        assertTrue(errors.contains("binary.txt: is not a text file (binary content)"), errors.toString());
        assertTrue(errors.contains("locked.pdf: is encrypted with a password; save an unprotected copy"), errors.toString());
        assertTrue(errors.contains("huge.txt: is 200 MB; documents over 100 MB are not read"), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("truncated.pdf: ")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("corrupt.pdf: cannot be read: is damaged: its PDF structure is missing"
                + " or cut off (")), errors.toString());
        // In the user's terms, not POI's advice to developers.
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("bomb.docx: cannot be read: is compressed beyond the limits")),
                errors.toString());
        assertTrue(errors.contains("old.docx: cannot be read: is not a DOCX document: an old Word .doc, or a document"
                + " protected with a password; save it as .docx without a password"), errors.toString());
        assertTrue(errors.contains("big.docx: has a part of 65 MB (word/document.xml); DOCX parts over 64 MB are not read"),
                errors.toString());
        assertTrue(errors.contains("long.txt: has more than 33,554,432 characters of text; documents this long are not"
                + " read (split it)"), errors.toString());
        String[] lines = csv.toString().split("\n");
        assertEquals("document,category,present,confidence,evidence", lines[0]);
        assertEquals(1 + ClauseDetector.standard().taxonomy().types().size(), lines.length);
        assertTrue(csv.toString().contains("good,Audit Rights,Yes,"), csv.toString());
    }

    @Test
    void aFolderThatCannotBeListedIsToldAndTheRestScanned() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("linked"));
        Files.writeString(folder.resolve("a.txt"), "The City may audit the Supplier's records at any time.");
        Files.createSymbolicLink(folder.resolve("loop"), folder); // a folder that holds itself
        StringWriter csv = new StringWriter();
        List<String> errors = new ArrayList<>();
        ClauseScan.Summary summary = ClauseScan.scan(List.of(folder), ClauseDetector.standard(), csv, errors::add, () -> false);
        assertEquals(1, summary.documents(), errors.toString());
        assertTrue(csv.toString().contains("a,Audit Rights,Yes,"), csv.toString());
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith(folder.resolve("loop") + ": cannot be read: "), errors.toString());
    }

    @Test
    void aDeviceNamedAsADocumentIsToldNotRead() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "a system with /dev/zero");
        Path folder = Files.createDirectories(dir.resolve("devices"));
        Files.writeString(folder.resolve("a.txt"), "The City may audit the Supplier's records at any time.");
        // Endless: read as a document it would fill the memory or never end.
        Path zero = Files.createSymbolicLink(folder.resolve("zero.txt"), Path.of("/dev/zero"));
        List<String> errors = new ArrayList<>();
        StringWriter csv = new StringWriter();
        ClauseScan.Summary summary = ClauseScan.scan(List.of(folder), ClauseDetector.standard(), csv, errors::add, () -> false);
        assertEquals(new ClauseScan.Summary(1, 1), summary, errors.toString());
        assertEquals(List.of(zero + ": is not a regular file (a device or pipe); skipped"), errors);
        Path broken = Files.createSymbolicLink(folder.resolve("old.txt"), folder.resolve("moved-away.txt"));
        errors.clear();
        ClauseScan.scan(List.of(folder), ClauseDetector.standard(), new StringWriter(), errors::add, () -> false);
        assertEquals(java.util.Set.of(broken + ": is a link to a file that does not exist; skipped",
                zero + ": is not a regular file (a device or pipe); skipped"), java.util.Set.copyOf(errors)); // in listing order
        Files.delete(broken);

        errors.clear(); // named on its own, it is the one file that could not be read
        summary = ClauseScan.scan(List.of(zero), ClauseDetector.standard(), new StringWriter(), errors::add, () -> false);
        assertEquals(1, summary.failed(), errors.toString());
        assertEquals(List.of("zero.txt: is not a regular file (a device or pipe); not read"), errors);
    }

    @Test
    void filesThatShareADocumentNameAreTold() throws Exception {
        Path a = Files.createDirectories(dir.resolve("same/a"));
        Path b = Files.createDirectories(dir.resolve("same/b"));
        Files.writeString(a.resolve("x.txt"), "The City may audit the Supplier's records at any time.");
        Files.writeString(b.resolve("x.txt"), "The Supplier shall maintain insurance.");
        List<String> errors = new ArrayList<>();
        ClauseScan.scan(List.of(dir.resolve("same")), ClauseDetector.standard(), new StringWriter(), errors::add, () -> false);
        assertEquals(List.of("note: 2 files are document 'x' in the CSV: " + a.resolve("x.txt") + ", " + b.resolve("x.txt")),
                errors);

        // Many such names (each contract as PDF and as TXT): a few told, the rest counted; an unreadable file has no rows.
        for (String name : List.of("p", "q", "r", "s", "t")) {
            Files.writeString(a.resolve(name + ".txt"), "The Supplier shall maintain insurance.");
            Files.writeString(b.resolve(name + ".txt"), "The Supplier shall maintain insurance.");
        }
        Files.write(a.resolve("u.txt"), new byte[0]);
        Files.writeString(b.resolve("u.txt"), "The Supplier shall maintain insurance.");
        errors.clear();
        ClauseScan.scan(List.of(dir.resolve("same")), ClauseDetector.standard(), new StringWriter(), errors::add, () -> false);
        assertEquals(List.of("u.txt: is empty (0 bytes)", "note: 2 files are document 'p' in the CSV: " + a.resolve("p.txt") + ", "
                + b.resolve("p.txt"), "note: 2 files are document 'q' in the CSV: " + a.resolve("q.txt") + ", " + b.resolve("q.txt"),
                "note: 2 files are document 'r' in the CSV: " + a.resolve("r.txt") + ", " + b.resolve("r.txt"),
                "note: and 3 more document names stand for more than one file each"), errors);
    }

    @Test
    void evidenceNamesTheSectionItIsIn() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("sectioned"));
        Files.writeString(folder.resolve("msa.txt"), """
                ARTICLE 9. INSURANCE.

                Each party bears its own costs. The Supplier shall maintain general liability insurance with limits of
                not less than one million dollars per occurrence.
                """);
        StringWriter csv = new StringWriter();
        ClauseScan.scan(List.of(folder), ClauseDetector.standard(), csv, e -> { }, () -> false);
        assertTrue(csv.toString().contains("msa,Insurance,Yes,0.70,ARTICLE 9. INSURANCE: The Supplier shall maintain general"
                + " liability insurance"), csv.toString());
    }


    /**
     * A vendor's document can be written so that its evidence starts with a formula: the CSV a procurement officer
     * opens in a spreadsheet keeps it text (an apostrophe before it), and the document column is the file's name.
     */
    @Test
    void evidenceThatLooksLikeAFormulaStaysText() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("hostile"));
        Files.writeString(folder.resolve("-msa.txt"), """
                =HYPERLINK("http://example.invalid/x","click") The Supplier shall maintain general liability insurance
                with limits of not less than one million dollars per occurrence.
                """);
        StringWriter csv = new StringWriter();
        ClauseScan.scan(List.of(folder), ClauseDetector.standard(), csv, e -> { }, () -> false);
        assertTrue(csv.toString().contains("-msa,Insurance,Yes,0.70,\"'=HYPERLINK(\"\"http://example.invalid/x\"\",\"\"click\"\")"
                + " The Supplier shall maintain general liability insurance"), csv.toString());
    }
    /** A DOCX-shaped zip whose document part, of {@code megabytes} MB, inflates a thousandfold. */
    private static byte[] zipBomb(int megabytes) throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < megabytes; i++) {
                zip.write(spaces);
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void extractionErrorsAreCheckedExceptionsNamingTheFile() {
        ExtractionException missing = org.junit.jupiter.api.Assertions.assertThrows(ExtractionException.class,
                () -> TextExtractor.extract(dir.resolve("nope.pdf"), TextExtractor.Limits.DEFAULT));
        assertTrue(missing.getMessage().startsWith("nope.pdf: cannot be read"), missing.getMessage());
    }
}
