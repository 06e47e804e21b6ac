package org.civicsla.index.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Section headings as contracts write them, and text that only looks like one. */
class SectionsTest {

    @TempDir
    Path folder;

    private static List<String> titles(String text) {
        return Sections.of(text).stream().map(DocumentText.Section::title).toList();
    }

    @Test
    void findsNumberedLabelledAndCapitalHeadings() {
        String text = """
                SOFTWARE SUPPORT AGREEMENT

                1. TERM. This Agreement commences on 2019-01-01 for an initial term of 36 months.
                2. Limitation of Liability. The Supplier's total aggregate liability shall not exceed the fees.
                12.3 Governing Law: This Agreement is governed by the laws of the State.
                ARTICLE 9

                INDEMNIFICATION
                9.1 The Supplier shall indemnify the City against claims.
                Section 10.2 Audit Rights
                The City may audit the books of the Supplier.
                EXHIBIT A
                """;
        assertEquals(List.of("SOFTWARE SUPPORT AGREEMENT", "1. TERM", "2. Limitation of Liability", "12.3 Governing Law",
                "ARTICLE 9 INDEMNIFICATION", "Section 10.2 Audit Rights", "EXHIBIT A"), titles(text));
        DocumentText document = DocumentText.singlePage(text);
        assertEquals(Optional.of("ARTICLE 9 INDEMNIFICATION"), document.sectionAt(text.indexOf("indemnify the City")));
        assertEquals(Optional.of("1. TERM"), document.sectionAt(text.indexOf("commences")));
        assertEquals(Optional.empty(), DocumentText.singlePage("No heading here.\nNor here.").sectionAt(3));
        assertEquals(List.of("SECTION 1.01. Definitions", "Article IV. Term", "1. TERM"),
                titles("SECTION 1.01. Definitions. As used in this Agreement, the terms below mean what they say.\n"
                        + "Article IV. Term. The Agreement runs for five years.\n1.\tTERM\n"));
    }

    @Test
    void wrappedLinesOfAParagraphInCapitalsAndRunningFootersAreNotHeadings() {
        String text = """
                10. LIMITATION ON LIABILITY
                IN NO EVENT SHALL EITHER PARTY BE LIABLE FOR ANY
                INCIDENTAL OR CONSEQUENTIAL DAMAGES OR LOST PROFITS
                ARISING OUT OF OR IN CONNECTION WITH THIS AGREEMENT.

                CONFIDENTIAL TREATMENT REQUESTED

                11. TERM. The term is five years.

                CONFIDENTIAL TREATMENT REQUESTED

                INSURANCE
                The Supplier keeps insurance.

                CONFIDENTIAL TREATMENT REQUESTED
                """;
        assertEquals(List.of("10. LIMITATION ON LIABILITY", "11. TERM", "INSURANCE"), titles(text));
    }

    @Test
    void entriesOfTheTableOfContentsAreNotHeadings() {
        assertEquals(List.of("TABLE OF CONTENTS", "15. LIMITATION OF LIABILITY"), titles("""
                TABLE OF CONTENTS

                SECTION 15.0 INDEMNIFICATION AND LIMITATION OF LIABILITY....... Page 18
                16. AUDITS AND INSPECTIONS.................................42

                15. LIMITATION OF LIABILITY. The Supplier's liability is capped at the fees paid.
                """));
        // A form's blank in a clause is no entry: its heading stays one.
        assertEquals(List.of("5. LIMITATION OF LIABILITY"), titles("5. LIMITATION OF LIABILITY. The Supplier's liability shall not"
                + " exceed the sum of ................ stated in Schedule 2.\n"));
    }

    @Test
    void clauseTextAddressesAndSentencesAreNotHeadings() {
        for (String line : List.of("8.1 The term of this Agreement shall be five (5) years following the Effective Date.",
                "1. The Supplier shall deliver the cameras.", "10 Downing Street", "Section 5.2 of this Agreement applies.",
                "Exhibit A attached hereto forms part of this Agreement.",
                "THE SUPPLIER SHALL NOT BE LIABLE FOR ANY INDIRECT OR CONSEQUENTIAL DAMAGES OF ANY KIND WHATSOEVER.",
                "ACME, INC.,", "Source: ACME CORP, 10-K, 3/1/2019", "12", "PAGE 5 OF 10", "US-DOCS\\105216871.19",
                "\"AS IS.\" EACH PARTY")) {
            assertNull(Sections.heading(line), line);
        }
    }

    @Test
    void aDocxHeadingStyleIsASection() throws Exception {
        Path docx = folder.resolve("styled.docx");
        try (XWPFDocument document = new XWPFDocument()) {
            var heading = document.createParagraph();
            heading.setStyle("Heading1");
            heading.createRun().setText("Security of the System");
            document.createParagraph().createRun().setText("The Supplier shall patch critical vulnerabilities within 14 days.");
            try (var out = Files.newOutputStream(docx)) {
                document.write(out);
            }
        }
        DocumentText text = TextExtractor.extract(docx, TextExtractor.Limits.DEFAULT);
        assertEquals(List.of(new DocumentText.Section(0, "Security of the System")), text.sections());
        assertEquals(Optional.of("Security of the System"), text.sectionAt(text.text().indexOf("patch")));
    }
}
