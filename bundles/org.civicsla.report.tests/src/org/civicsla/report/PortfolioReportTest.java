package org.civicsla.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.civicsla.core.check.CheckFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortfolioReportTest {

    @TempDir
    Path dir;

    /**
     * The text of some pages with white space folded: lines wrap where the layout wraps them. In
     * content order, not sorted by position (which splits bold initials off their words): tables are
     * drawn on their own layer, so their text follows the paragraphs of the page.
     */
    private static String text(PDDocument document, int from, int to) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return stripper.getText(document).replaceAll("\\s+", " ");
    }

    private static String text(PDDocument document) throws IOException {
        return text(document, 1, document.getNumberOfPages());
    }

    /** The bookmarks, in order, with the page (1-based) each points to. */
    private static Map<String, Integer> outline(PDDocument document) throws IOException {
        Map<String, Integer> outline = new LinkedHashMap<>();
        for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
            PDPage page = ((PDPageDestination) item.getDestination()).getPage();
            outline.put(item.getTitle(), document.getPages().indexOf(page) + 1);
        }
        return outline;
    }

    private Path portfolio() throws IOException {
        Path pdf = dir.resolve("out/report.pdf");
        PortfolioReport.write(ReportFixture.input(Optional.empty()), pdf, ReportMonitor.NONE);
        return pdf;
    }

    @Test
    void theTitlePageNamesWorkspaceAsOfDateAndProfile() throws Exception {
        try (PDDocument document = Loader.loadPDF(portfolio().toFile())) {
            String title = text(document, 1, 1);
            assertTrue(title.contains("Portfolio report Vendor security and life cycle"), title);
            assertTrue(title.contains("Workspace riverton"), title);
            assertTrue(title.contains("Checks as of 2026-11-22"), title);
            assertTrue(title.contains("Checks run at 2026-11-22 09:30 UTC"), title);
            assertTrue(title.contains("Requirement profile Checklist default (steps 2 and 5)"), title);
            assertTrue(title.contains("Breach Notification (notification: at most 72 hours)"), title);
            assertTrue(title.contains("2 of 3 vendors fail at least one step"), title);
        }
    }

    @Test
    void theMetadataSaysWhatTheDocumentIs() throws Exception {
        try (PDDocument document = Loader.loadPDF(portfolio().toFile())) {
            PDDocumentInformation info = document.getDocumentInformation();
            assertEquals("Portfolio report: vendor security and life cycle", info.getTitle());
            assertEquals("CivicSLA", info.getAuthor());
            assertTrue(info.getCreator().startsWith("CivicSLA"), info.getCreator());
            assertTrue(info.getSubject().contains("riverton") && info.getSubject().contains("2026-11-22"), info.getSubject());
            assertTrue(info.getKeywords().contains("end of support"), info.getKeywords());
        }
    }

    @Test
    void theMatrixHasARowPerVendorWithStatusesInWords() throws Exception {
        try (PDDocument document = Loader.loadPDF(portfolio().toFile())) {
            int page = outline(document).get("Summary: vendors and checklist steps");
            String summary = text(document, page, page);
            assertTrue(summary.contains("Vendor Name Step 2 Step 5"), summary);
            assertTrue(summary.contains("V-1 Harbourview CCTV fail fail"), summary);
            assertTrue(summary.contains("V-2 " + ReportFixture.POLISH + " fail pass"), summary);
            assertTrue(summary.contains("V-3 " + ReportFixture.FORMULA + " pass unknown"), summary);
        }
    }

    @Test
    void eachFailingVendorHasASectionWithMissingClausesQuotedEvidenceDevicesAndDeadlines() throws Exception {
        try (PDDocument document = Loader.loadPDF(portfolio().toFile())) {
            Map<String, Integer> outline = outline(document);
            assertEquals(List.of("Summary: vendors and checklist steps", "Devices reaching end of security updates per year",
                    "V-1 Harbourview CCTV", "V-2 " + ReportFixture.POLISH), List.copyOf(outline.keySet()),
                    "sections for failing vendors only");
            int v1 = outline.get("V-1 Harbourview CCTV");
            int v2 = outline.get("V-2 " + ReportFixture.POLISH);
            String harbour = text(document, v1, v2 - 1);
            assertTrue(harbour.contains("Missing or insufficient clauses: • C-1: Breach Notification is missing"), harbour);
            assertTrue(harbour.contains("Clauses found, with evidence:"), harbour);
            assertTrue(harbour.contains("C-1: Audit Rights (documents/C-1.pdf, page 7) “" + ReportFixture.AUDIT_QUOTE + "”"),
                    harbour);
            // Nearing: HV-4K ends 2027-06-30 (within the 24-month horizon), HV-HD ended 2025-01-31, soonest first.
            // A replacement planned after the date is not counted as planned, and said apart.
            assertTrue(harbour.contains("HV-HD 2025-01-31 ended 2: D-OLD-1, D-OLD-2 0 of 2; 1 planned only after it"), harbour);
            assertTrue(harbour.contains("HV-4K 2027-06-30 ends in 7 months 12: D-0, D-1, D-2, D-3, D-4, D-5, D-6, D-7 "
                    + "and 4 more 1 of 12"), harbour);
            assertTrue(harbour.contains("C-1 (RIV-1) 2026-12-01 9 days automatic renewal 30 days"), harbour);

            String lodz = text(document, v2, document.getNumberOfPages());
            assertTrue(lodz.contains("V-2 " + ReportFixture.POLISH), "embedded Unicode font: " + lodz);
            assertTrue(lodz.contains("C-2: Security Incident Response 24x7 (documents/umowa-łódź.pdf, page 3) “"
                    + ReportFixture.POLISH_QUOTE + "”"), lodz);
            assertTrue(lodz.contains("Devices nearing end of support (end of security updates by 2028-11-22): None."), lodz);
            assertTrue(lodz.contains("Upcoming notice deadlines (until 2028-11-22): None."), lodz);
        }
    }

    @Test
    void theChartCountsDevicesByTheYearTheirSupportEnds() throws Exception {
        try (PDDocument document = Loader.loadPDF(portfolio().toFile())) {
            int page = outline(document).get("Devices reaching end of security updates per year");
            String chart = text(document, page, page);
            assertTrue(chart.contains("17 devices by the year their end of security updates falls in"), chart);
            // Twice: once as bar labels, once as the table under the chart.
            Matcher table = Pattern.compile("ended 2026 2027 2028 2029 2030 2031 2032 2 0 12 0 0 0 3 0").matcher(chart);
            assertTrue(table.find(), chart);
        }
    }

    @Test
    void theContentsListEverySectionWithThePageItStartsOn() throws Exception {
        try (PDDocument document = Loader.loadPDF(portfolio().toFile())) {
            String contents = text(document, 2, 2);
            assertTrue(contents.startsWith("Contents"), contents);
            for (Map.Entry<String, Integer> section : outline(document).entrySet()) {
                String line = Pattern.quote(section.getKey()) + "[ .]*" + section.getValue() + " ";
                assertTrue(Pattern.compile(line).matcher(contents).find(), line + " in " + contents);
            }
        }
    }

    @Test
    void everyPageIsNumberedNOfM() throws Exception {
        try (PDDocument document = Loader.loadPDF(portfolio().toFile())) {
            int pages = document.getNumberOfPages();
            assertTrue(pages >= 6, "title, contents, summary, chart and two vendors: " + pages);
            for (int page = 1; page <= pages; page++) {
                String text = text(document, page, page);
                assertTrue(text.contains("Page " + page + " of " + pages), page + ": " + text);
            }
        }
    }

    @Test
    void everyFontIsEmbedded() throws Exception {
        try (PDDocument document = Loader.loadPDF(portfolio().toFile())) {
            int fonts = 0;
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName());
                    fonts++;
                }
            }
            assertTrue(fonts > 0);
        }
    }

    @Test
    void checksThatCouldNotRunHaveTheirOwnSection() throws Exception {
        ReportInput input = new ReportInput("riverton", ReportFixture.data(),
                ReportFixture.run(List.of(new CheckFailure("step4-updates", 4, "plugin threw NullPointerException"))),
                Optional.empty());
        Path pdf = dir.resolve("failures.pdf");
        PortfolioReport.write(input, pdf, ReportMonitor.NONE);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertTrue(outline(document).containsKey("Checks that could not run"));
            String text = text(document);
            assertTrue(text.contains("Step 4, check step4-updates: plugin threw NullPointerException"), text);
            assertTrue(text.contains("V-3 " + ReportFixture.FORMULA + " pass unknown unknown"), "step 4 unknown: " + text);
        }
    }

    @Test
    void aVendorEvidencePackHoldsOnlyThatVendorWhateverItsStatus() throws Exception {
        Path pdf = dir.resolve("pack.pdf");
        VendorEvidencePack.write(ReportFixture.input(Optional.of("V-3")), pdf, ReportMonitor.NONE);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = text(document);
            assertEquals("Evidence pack: V-3 " + ReportFixture.FORMULA, document.getDocumentInformation().getTitle());
            assertTrue(text.contains("Evidence pack V-3 " + ReportFixture.FORMULA + " Workspace riverton"), text);
            assertTrue(text.contains("Vendor V-3 " + ReportFixture.FORMULA + " (Tricky)"), text);
            assertTrue(text.contains("Result step 2 pass, step 5 unknown"), text);
            assertTrue(text.contains("=SUM(A1:A9) every active contract carries the required clauses"), text);
            assertFalse(text.contains("Harbourview"), text);
            assertEquals(List.of("Summary: vendors and checklist steps", "Devices reaching end of security updates per year",
                    "V-3 " + ReportFixture.FORMULA), List.copyOf(outline(document).keySet()));
        }
    }

    @Test
    void anEvidencePackNeedsAVendorOfTheWorkspace() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> VendorEvidencePack.write(ReportFixture.input(Optional.empty()), dir.resolve("a.pdf"), ReportMonitor.NONE));
        assertTrue(none.getMessage().contains("vendor id"), none.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> VendorEvidencePack.write(ReportFixture.input(Optional.of("V-404")), dir.resolve("b.pdf"),
                        ReportMonitor.NONE));
        assertTrue(unknown.getMessage().contains("V-404"), unknown.getMessage());
        assertFalse(Files.exists(dir.resolve("b.pdf")));
    }

    @Test
    void progressAddsUpAndCancellingKeepsTheEarlierReport() throws Exception {
        Path pdf = dir.resolve("report.pdf");
        Files.writeString(pdf, "earlier report");
        AtomicInteger total = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ReportMonitor cancelHalfWay = new ReportMonitor() {
            @Override
            public void begin(String task, int totalWork) {
                total.set(totalWork);
            }

            @Override
            public void worked(int units) {
                done.addAndGet(units);
            }

            @Override
            public boolean isCancelled() {
                return done.get() * 2 >= total.get();
            }
        };
        assertThrows(CancellationException.class,
                () -> PortfolioReport.write(ReportFixture.input(Optional.empty()), pdf, cancelHalfWay));
        assertEquals("earlier report", Files.readString(pdf));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(pdf), files.toList(), "no partial file left behind");
        }

        List<Integer> units = new ArrayList<>();
        AtomicInteger begun = new AtomicInteger();
        PortfolioReport.write(ReportFixture.input(Optional.empty()), pdf, new ReportMonitor() {
            @Override
            public void begin(String task, int totalWork) {
                begun.set(totalWork);
            }

            @Override
            public void worked(int unit) {
                units.add(unit);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertEquals(begun.get(), units.stream().mapToInt(Integer::intValue).sum());
        assertTrue(Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
    }
}
