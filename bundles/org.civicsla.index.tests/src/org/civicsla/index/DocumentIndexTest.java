package org.civicsla.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.civicsla.core.check.ClauseHit;
import org.civicsla.core.model.Contract;
import org.civicsla.core.model.ContractStatus;
import org.civicsla.core.model.Criticality;
import org.civicsla.core.model.DocumentRef;
import org.civicsla.core.model.RenewalKind;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;
import org.civicsla.index.clauses.ClauseDetector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentIndexTest {

    @TempDir
    Path workspace;

    private WorkspaceData data;

    @BeforeEach
    void documents() throws Exception {
        Files.createDirectories(workspace.resolve("documents"));
        Files.writeString(workspace.resolve("documents/C-1.txt"), """
                1. SECURITY INCIDENTS. The Supplier shall notify the City of any security incident within
                seventy-two (72) hours of becoming aware of it.

                2. INSURANCE. The Supplier shall maintain cyber insurance coverage.
                """);
        Files.writeString(workspace.resolve("documents/C-2.txt"), """
                1. SUPPLY. The Supplier delivers cameras and keeps its security patches current.
                """);
        data = new WorkspaceData(List.of(new Vendor("V-1", "Civic Cloud", "", Criticality.HIGH, List.of()),
                new Vendor("V-2", "Harbourview", "", Criticality.LOW, List.of())),
                List.of(contract("C-1", "V-1", ContractStatus.ACTIVE), contract("C-2", "V-2", ContractStatus.EXPIRED)),
                List.of(), List.of(), List.of());
    }

    private static Contract contract(String id, String vendor, ContractStatus status) {
        return new Contract(id, vendor, id, "", Optional.of(LocalDate.of(2025, 1, 1)), 12, RenewalKind.NONE, 0, 0, status,
                Optional.empty(), "", List.of(), List.of(new DocumentRef(id, "documents/" + id + ".txt", "")));
    }

    /** The city adds a clause type of its own in the workspace's clauses.yaml. */
    private void addPatchPromiseType() throws java.io.IOException {
        Files.writeString(workspace.resolve(org.civicsla.index.clauses.ClauseDetectors.WORKSPACE_FILE), """
                types:
                  - name: Patch Promise
                    steps: [4]
                    patterns: ['\\bkeeps its security patches current\\b']
                """);
    }

    @Test
    void changedClauseTypesAreDetectedAgainInUnchangedDocuments() throws Exception {
        List<String> errors = new ArrayList<>();
        org.civicsla.index.clauses.ClauseDetectors detectors = new org.civicsla.index.clauses.ClauseDetectors(List.of());
        try (DocumentIndex index = DocumentIndex.open(workspace, detectors.forWorkspace(workspace))) {
            assertTrue(index.startedAfresh(), "a new index");
            assertEquals(new DocumentIndex.UpdateSummary(2, 0, 0, 0), index.update(workspace, data, errors::add, () -> false));
            assertEquals(List.of(), index.find("C-2", "Patch Promise"));
            assertFalse(index.detects("Patch Promise"));
        }
        // The city adds a clause type of its own; no document changes.
        addPatchPromiseType();
        // Opened with the new types and closed without an update (a part that only reads): nothing is replaced.
        try (DocumentIndex index = DocumentIndex.open(workspace, detectors.forWorkspace(workspace))) {
            assertTrue(index.startedAfresh(), "the clause types changed");
            assertEquals(List.of(), index.find("C-2", "Patch Promise"), "not detected until the documents are read again");
        }
        try (DocumentIndex index = DocumentIndex.open(workspace, ClauseDetector.standard())) {
            assertEquals(1, index.find("C-1", "Breach Notification").size(), "the last index is still there");
        }
        try (DocumentIndex index = DocumentIndex.open(workspace, detectors.forWorkspace(workspace))) {
            assertEquals(new DocumentIndex.UpdateSummary(2, 0, 0, 0), index.update(workspace, data, errors::add, () -> false),
                    "every document is read again for the new type");
            assertEquals(1, index.find("C-2", "Patch Promise").size());
            SearchResult byType = index.search("clause:\"Patch Promise\"", 10);
            assertEquals(1, byType.totalHits());
            assertEquals("1. SUPPLY. The Supplier delivers cameras and keeps its security patches current.",
                    byType.hits().get(0).snippet(), "nothing to highlight: the passage itself, not its heading alone");
            assertEquals(1, index.find("C-1", "Breach Notification").size(), "the standard types are still there");
            assertEquals(java.util.Optional.of("2. INSURANCE"), index.search("cyber", 10).hits().get(0).section(),
                    "a hit names the section it is in");
        }
        try (DocumentIndex index = DocumentIndex.open(workspace, detectors.forWorkspace(workspace))) {
            assertFalse(index.startedAfresh());
            assertTrue(index.detects("Patch Promise"));
            assertEquals(new DocumentIndex.UpdateSummary(0, 2, 0, 0), index.update(workspace, data, errors::add, () -> false));
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void indexesIncrementallyAndServesClauseEvidence() throws Exception {
        List<String> errors = new ArrayList<>();
        try (DocumentIndex index = DocumentIndex.open(workspace, ClauseDetector.standard())) {
            assertEquals(new DocumentIndex.UpdateSummary(2, 0, 0, 0), index.update(workspace, data, errors::add, () -> false));
            assertEquals(new DocumentIndex.UpdateSummary(0, 2, 0, 0), index.update(workspace, data, errors::add, () -> false));
            List<ClauseHit> hits = index.find("C-1", "Breach Notification");
            assertEquals(1, hits.size());
            assertEquals("72", hits.get(0).values().get("notificationHours"));
            assertEquals("documents/C-1.txt", hits.get(0).document());
            assertEquals(List.of(), index.find("C-2", "Breach Notification"));
        }
        Files.writeString(workspace.resolve("documents/C-2.txt"), "The Supplier shall report any data breach within 24 hours.");
        try (DocumentIndex index = DocumentIndex.open(workspace, ClauseDetector.standard())) {
            assertEquals(new DocumentIndex.UpdateSummary(1, 1, 0, 0), index.update(workspace, data, errors::add, () -> false));
            assertEquals(1, index.find("C-2", "Breach Notification").size());
            WorkspaceData detached = new WorkspaceData(data.vendors(), List.of(data.contracts().get(0)), List.of(), List.of(),
                    List.of());
            assertEquals(new DocumentIndex.UpdateSummary(0, 1, 1, 0), index.update(workspace, detached, errors::add, () -> false));
            assertEquals(List.of(), index.find("C-2", "Breach Notification"));
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void aContractThatChangesStatusOrVendorIsSearchedAndCountedAsItIsNow() throws Exception {
        try (DocumentIndex index = DocumentIndex.open(workspace, ClauseDetector.standard())) {
            index.update(workspace, data, e -> { }, () -> false);
            assertEquals(java.util.Map.of("active", 1, "expired", 1), index.search("secur*", 10).facets().get("status"));
            // C-2 renewed and taken over by V-1; its document unchanged.
            Contract c2 = data.contracts().get(1);
            Contract renewed = new Contract(c2.id(), "V-1", c2.number(), c2.type(), c2.start(), c2.initialTermMonths(),
                    c2.renewal(), c2.renewalPeriodMonths(), c2.noticeDays(), ContractStatus.ACTIVE, c2.value(), c2.currency(),
                    c2.covers(), c2.documents());
            WorkspaceData changed = new WorkspaceData(data.vendors(), List.of(data.contracts().get(0), renewed), List.of(),
                    List.of(), List.of());
            assertEquals(new DocumentIndex.UpdateSummary(1, 1, 0, 0), index.update(workspace, changed, e -> { }, () -> false));
            SearchResult now = index.search("secur*", 10);
            assertEquals(java.util.Map.of("active", 2), now.facets().get("status"));
            assertEquals(java.util.Map.of("V-1", 2), now.facets().get("vendor"));
            assertEquals(0, index.search("status:expired", 10).totalHits());
            assertEquals(new DocumentIndex.UpdateSummary(0, 2, 0, 0), index.update(workspace, changed, e -> { }, () -> false));
        }
    }

    @Test
    void anUnreadableDocumentIsNotedToldAgainAndReadOnceItChanges() throws Exception {
        Files.write(workspace.resolve("documents/C-2.txt"), new byte[] { 0, 1, 2, 3, 0, 0, 7, 8, 0, 1, 0, 0 });
        List<String> errors = new ArrayList<>();
        try (DocumentIndex index = DocumentIndex.open(workspace, ClauseDetector.standard())) {
            assertEquals(new DocumentIndex.UpdateSummary(1, 0, 0, 1), index.update(workspace, data, errors::add, () -> false));
            assertEquals(List.of("C-2: C-2.txt: is not a text file (binary content)"), errors);
            // Unchanged, it is not read again, and its error is told again: its clauses are unknown, not missing.
            errors.clear();
            assertEquals(new DocumentIndex.UpdateSummary(0, 1, 0, 1), index.update(workspace, data, errors::add, () -> false));
            assertEquals(List.of("C-2: C-2.txt: is not a text file (binary content)"), errors);
            assertEquals(Optional.of("is not a text file (binary content)"), index.unread("C-2", "documents/C-2.txt"));
            assertEquals(Optional.empty(), index.unread("C-1", "documents/C-1.txt"));
            assertTrue(index.unread("C-1", "documents/other.txt").orElseThrow().startsWith("not read"));
        }
        Files.writeString(workspace.resolve("documents/C-2.txt"), "The Supplier shall report any data breach within 24 hours.");
        errors.clear();
        try (DocumentIndex index = DocumentIndex.open(workspace, ClauseDetector.standard())) {
            assertEquals(new DocumentIndex.UpdateSummary(1, 1, 0, 0), index.update(workspace, data, errors::add, () -> false));
            assertEquals(Optional.empty(), index.unread("C-2", "documents/C-2.txt"));
            assertEquals(1, index.find("C-2", "Breach Notification").size());
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void aDocumentThatTookTooLongIsNotedAndNotReadAgainAtOnce() throws Exception {
        // 2.8 million characters without a full stop: detection takes some 20 s here, over a 1 s limit.
        Files.writeString(workspace.resolve("documents/C-2.txt"), "except claims ".repeat(200_000));
        List<String> errors = new ArrayList<>();
        String before = System.getProperty("civicsla.index.timeoutSeconds");
        System.setProperty("civicsla.index.timeoutSeconds", "1");
        try (DocumentIndex index = DocumentIndex.open(workspace, ClauseDetector.standard())) {
            assertEquals(new DocumentIndex.UpdateSummary(1, 0, 0, 1), index.update(workspace, data, errors::add, () -> false));
            assertEquals(List.of("C-2: documents/C-2.txt: took longer than 1 s to read; skipped"), errors);
            errors.clear();
            // The next update tells the noted error (its words say so) instead of spending the limit on it again.
            assertEquals(new DocumentIndex.UpdateSummary(0, 1, 0, 1), index.update(workspace, data, errors::add, () -> false));
            assertEquals(List.of("C-2: documents/C-2.txt: took longer than 1 s to read; skipped (tried again after a day,"
                    + " or when it changes)"), errors);
            assertTrue(index.unread("C-2", "documents/C-2.txt").orElseThrow().startsWith("took longer than 1 s to read"));
        } finally {
            if (before == null) {
                System.clearProperty("civicsla.index.timeoutSeconds");
            } else {
                System.setProperty("civicsla.index.timeoutSeconds", before);
            }
        }
    }

    @Test
    void aDocumentPathOutsideTheWorkspaceIsNotRead() throws Exception {
        Path inner = Files.createDirectories(workspace.resolve("inner"));
        Path outside = Files.writeString(workspace.resolve("secret.txt"), "The outside secret: audit rights.");
        WorkspaceData reaching = new WorkspaceData(data.vendors(), List.of(new Contract("C-9", "V-1", "C-9", "",
                Optional.of(LocalDate.of(2025, 1, 1)), 12, RenewalKind.NONE, 0, 0, ContractStatus.ACTIVE, Optional.empty(), "",
                List.of(), List.of(new DocumentRef("C-9", "../secret.txt", ""), new DocumentRef("C-9", outside.toString(), "")))),
                List.of(), List.of(), List.of());
        List<String> errors = new ArrayList<>();
        try (DocumentIndex index = DocumentIndex.open(inner, ClauseDetector.standard())) {
            assertEquals(new DocumentIndex.UpdateSummary(0, 0, 0, 2), index.update(inner, reaching, errors::add, () -> false));
            assertEquals(0, index.search("secret", 10).totalHits());
        }
        assertEquals(List.of("C-9: document ../secret.txt is outside the workspace folder; not read",
                "C-9: document " + outside + " is outside the workspace folder; not read"), errors);
    }

    @Test
    void searchesPhrasesWildcardsAndFieldsWithHighlightsAndFacets() throws Exception {
        try (DocumentIndex index = DocumentIndex.open(workspace, ClauseDetector.standard())) {
            index.update(workspace, data, e -> { }, () -> false);
            SearchResult phrase = index.search("\"security incident\"", 10);
            assertEquals(1, phrase.totalHits());
            SearchResult.Hit hit = phrase.hits().get(0);
            assertEquals("C-1", hit.contractId());
            assertTrue(hit.snippet().contains("‹security incident›"), hit.snippet());
            assertTrue(hit.clauses().contains("Breach Notification"), hit.clauses().toString());

            SearchResult wildcard = index.search("secur*", 10);
            assertEquals(2, wildcard.totalHits());
            assertEquals(java.util.Map.of("V-1", 1, "V-2", 1), wildcard.facets().get("vendor"));
            assertEquals(java.util.Map.of("active", 1, "expired", 1), wildcard.facets().get("status"));

            assertEquals(1, index.search("secur* AND status:expired", 10).totalHits());
            assertEquals(1, index.search("clause:\"Insurance\"", 10).totalHits());
            assertEquals(0, index.search("vendor:V-2 AND insurance", 10).totalHits());
            assertEquals(0, index.search("vendor:V-2 insurance", 10).totalHits(), "words and fields narrow: AND, not OR");
            // Named values whatever their case and spacing, as a person types them.
            assertEquals(1, index.search("secur* AND status:Expired", 10).totalHits());
            assertEquals(1, index.search("clause:\"insurance\"", 10).totalHits());
            assertEquals(1, index.search("vendor:v-2 AND secur*", 10).totalHits());
            assertEquals(1, index.search("clause:insur*", 10).totalHits());
            assertEquals(2, index.search("vendor:v-? AND secur*", 10).totalHits());
            assertEquals(1, index.search("status:exp* AND secur*", 10).totalHits());
            assertEquals("cannot understand the query 'status:actve': 'actve' is no contract status; statuses are draft, active,"
                    + " expired, terminated", assertThrows(IllegalArgumentException.class, () -> index.search("status:actve", 10))
                            .getMessage());
            // A word with a hyphen is the phrase of its parts, not either part.
            assertEquals(2, index.search("security OR patches", 10).totalHits());
            assertEquals(1, index.search("security-patches", 10).totalHits());
            // A vendor by its name too, when the caller knows the names.
            assertEquals(1, index.search("vendor:\"HARBOURVIEW\" AND secur*", 10, DocumentIndex.Facets.COUNT, data.vendors())
                    .totalHits());
            assertEquals(1, index.search("vendor:\"civic  cloud\" AND secur*", 10, DocumentIndex.Facets.COUNT, data.vendors())
                    .hits().stream().filter(h -> h.vendorId().equals("V-1")).count());
            assertEquals(0, index.search("vendor:Harbourview AND secur*", 10).totalHits());
            // Field names too: STATUS:EXPIRED as status:expired.
            assertEquals(1, index.search("secur* AND STATUS:EXPIRED", 10).totalHits());
            assertEquals(1, index.search("Clause:insur*", 10).totalHits());
            // A clause type the index does not detect is a mistake to be told, not "no passage".
            String notAType = assertThrows(IllegalArgumentException.class, () -> index.search("clause:\"Insurrance\"", 10))
                    .getMessage();
            assertTrue(notAType.startsWith("cannot understand the query 'clause:\"Insurrance\"': 'Insurrance' is no clause type;"
                    + " clause types are Audit Rights, "), notAType);
            assertEquals("cannot understand the query 'clause:Breach Notification': 'Breach' is no clause type; a name of several"
                    + " words goes in quotes: clause:\"Breach Notification\" (on a command line, the whole query in single quotes)",
                    assertThrows(IllegalArgumentException.class, () -> index.search("clause:Breach Notification", 10)).getMessage());
            assertEquals(List.of("clause", "status", "vendor"), List.copyOf(wildcard.facets().keySet()), "one order");
            IllegalArgumentException field = assertThrows(IllegalArgumentException.class, () -> index.search("supplier:acme", 10));
            assertTrue(field.getMessage().contains("there is no field 'supplier'"), field.getMessage());
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> index.search("secur* AND (", 10));
            assertTrue(bad.getMessage().startsWith("cannot understand the query 'secur* AND ('"), bad.getMessage());
            // In a searcher's words, not the parser's grammar ("Lexical error ... in lexical state 2").
            assertEquals("cannot understand the query 'secur* AND (': it ends too early: a word is missing after AND, OR,"
                    + " NOT, a field name or an opening parenthesis", bad.getMessage());
            assertEquals("cannot understand the query '\"security incident': a quotation mark is not closed",
                    assertThrows(IllegalArgumentException.class, () -> index.search("\"security incident", 10)).getMessage());
            assertEquals("cannot understand the query 'incident OR OR notice': 'OR' at character 13 stands where a search"
                    + " word should be", assertThrows(IllegalArgumentException.class,
                            () -> index.search("incident OR OR notice", 10)).getMessage());
            assertEquals("cannot understand the query 'incident^': a boost (^) needs its number, as in incident^2",
                    assertThrows(IllegalArgumentException.class, () -> index.search("incident^", 10)).getMessage());
            assertEquals("cannot understand the query 'incident)': a closing parenthesis has no opening one",
                    assertThrows(IllegalArgumentException.class, () -> index.search("incident)", 10)).getMessage());
        }
    }

    /** One contract, V-1's, whose document is {@code text}. */
    private WorkspaceData oneDocument(String text) throws Exception {
        Files.writeString(workspace.resolve("documents/C-9.txt"), text);
        return new WorkspaceData(data.vendors(), List.of(new Contract("C-9", "V-1", "C-9", "",
                Optional.of(LocalDate.of(2025, 1, 1)), 12, RenewalKind.NONE, 0, 0, ContractStatus.ACTIVE, Optional.empty(), "",
                List.of(), List.of(new DocumentRef("C-9", "documents/C-9.txt", "")))), List.of(), List.of(), List.of());
    }

    @Test
    void wildcardsAndFuzzyWordsMatchTheWordsAsWrittenAndPlainWordsTheirStems() throws Exception {
        WorkspaceData one = oneDocument("""
                12. TERMINATION. Either party may terminate this Agreement on ninety days' notice.

                13. INDEMNIFICATION. The Supplier shall indemnify the City against third-party claims.
                """);
        try (DocumentIndex index = DocumentIndex.open(workspace, ClauseDetector.standard())) {
            index.update(workspace, one, e -> { }, () -> false);
            // Stemmed, "termination" and "terminate" are "termin": a prefix of the word as written finds neither.
            SearchResult prefix = index.search("terminat*", 10);
            assertEquals(1, prefix.totalHits());
            assertTrue(prefix.hits().get(0).snippet().contains("‹TERMINATION›"), prefix.hits().get(0).snippet());
            assertTrue(prefix.hits().get(0).snippet().contains("‹terminate›"), prefix.hits().get(0).snippet());

            SearchResult indemn = index.search("indemnif*", 10);
            assertEquals(1, indemn.totalHits());
            assertTrue(indemn.hits().get(0).snippet().contains("‹INDEMNIFICATION›"), indemn.hits().get(0).snippet());
            assertTrue(indemn.hits().get(0).snippet().contains("‹indemnify›"), indemn.hits().get(0).snippet());
            assertEquals(1, index.search("indemn?fy", 10).totalHits());
            // A word that is its own stem is found among the stems.
            SearchResult own = index.search("agreem*", 10);
            assertEquals(1, own.totalHits());
            assertTrue(own.hits().get(0).snippet().contains("‹Agreement›"), own.hits().get(0).snippet());
            assertEquals(1, index.search("indemnifcation~", 10).totalHits());

            // Plain words keep stemming; mixed with a wildcard both are marked.
            SearchResult plain = index.search("terminated", 10);
            assertEquals(1, plain.totalHits());
            assertTrue(plain.hits().get(0).snippet().contains("‹terminate›"), plain.hits().get(0).snippet());
            SearchResult mixed = index.search("indemnif* AND claim", 10);
            assertEquals(1, mixed.totalHits());
            assertTrue(mixed.hits().get(0).snippet().contains("‹claims›"), mixed.hits().get(0).snippet());
            assertTrue(mixed.hits().get(0).snippet().contains("‹indemnify›"), mixed.hits().get(0).snippet());

            // Phrases are stemmed, as words are.
            SearchResult phrase = index.search("\"terminates this agreement\"", 10);
            assertEquals(1, phrase.totalHits());
            assertTrue(phrase.hits().get(0).snippet().contains("‹terminate this Agreement›"), phrase.hits().get(0).snippet());
            assertEquals(0, index.search("\"terminate that contract\"", 10).totalHits());
        }
    }

    @Test
    void facetsCountEveryMatchNotOnlyTheHitsReturned() throws Exception {
        try (DocumentIndex index = DocumentIndex.open(workspace, ClauseDetector.standard())) {
            index.update(workspace, data, e -> { }, () -> false);
            SearchResult best = index.search("secur* OR insurance", 1);
            assertEquals(1, best.hits().size());
            assertEquals(3, best.totalHits());
            assertEquals(java.util.Map.of("V-1", 2, "V-2", 1), best.facets().get("vendor"));
            assertEquals(java.util.Map.of("active", 2, "expired", 1), best.facets().get("status"));
            assertEquals(1, best.facets().get("clause").get("Insurance"), best.facets().toString());
            assertTrue(best.hits().get(0).score() > 0, best.hits().toString());
            assertEquals(java.util.Map.of(), index.search("heliotrope", 1).facets());
        }
    }

    @Test
    void withoutFacetsASearchFindsTheSameHitsAndTotal() throws Exception {
        try (DocumentIndex index = DocumentIndex.open(workspace, ClauseDetector.standard())) {
            index.update(workspace, data, e -> { }, () -> false);
            for (String query : List.of("secur* OR insurance", "\"security incident\"", "supplier")) {
                SearchResult counted = index.search(query, 2);
                SearchResult skipped = index.search(query, 2, DocumentIndex.Facets.SKIP);
                assertTrue(counted.totalHits() > 0, query);
                assertEquals(counted.totalHits(), skipped.totalHits(), query);
                assertEquals(counted.hits(), skipped.hits(), query);
                assertTrue(counted.facets().containsKey("vendor"), query);
                assertEquals(java.util.Map.of(), skipped.facets(), query);
            }
        }
    }

    @Test
    void passagesScoreAsLucenesPassageScorerScoresThem() {
        var stock = new org.apache.lucene.search.uhighlight.PassageScorer();
        var ours = new DocumentIndex.PassageScores();
        var security = new org.apache.lucene.util.BytesRef("security");
        var incident = new org.apache.lucene.util.BytesRef("incident");
        int[][] passages = { {}, { 0 }, { 0, 1 }, { 1, 0, 1, 1 }, { 0, 0, 0, 1, 0 } };
        for (int[] matches : passages) {
            var passage = new org.apache.lucene.search.uhighlight.Passage();
            passage.setStartOffset(40);
            for (int m = 0; m < matches.length; m++) {
                // A term found twice in the passage must count once with its frequency in the document.
                passage.addMatch(40 + 10 * m, 48 + 10 * m, matches[m] == 0 ? security : incident, matches[m] == 0 ? 3 : 7);
            }
            passage.setEndOffset(40 + 10 * matches.length + 20);
            assertEquals(Float.floatToIntBits(stock.score(passage, 900)), Float.floatToIntBits(ours.score(passage, 900)),
                    java.util.Arrays.toString(matches));
        }
    }

    @Test
    void equalScoresComeInAnOrderOfDocumentAndPlaceNotOfIndexing() throws Exception {
        String text = """
                1. Either party may terminate on notice.

                2. Termination does not end the duty of confidentiality.
                """;
        Files.writeString(workspace.resolve("documents/C-Z.txt"), text);
        Files.writeString(workspace.resolve("documents/C-A.txt"), text);
        Contract z = contract("C-Z", "V-1", ContractStatus.ACTIVE);
        Contract a = contract("C-A", "V-2", ContractStatus.ACTIVE);
        List<List<String>> orders = new ArrayList<>();
        for (List<Contract> first : List.of(List.of(z), List.of(a))) {
            Path copy = Files.createDirectories(workspace.resolve("copy-" + first.get(0).id()));
            Files.createDirectories(copy.resolve("documents"));
            Files.copy(workspace.resolve("documents/C-Z.txt"), copy.resolve("documents/C-Z.txt"));
            Files.copy(workspace.resolve("documents/C-A.txt"), copy.resolve("documents/C-A.txt"));
            try (DocumentIndex index = DocumentIndex.open(copy, ClauseDetector.standard())) {
                // One contract's passages are indexed before the other's.
                index.update(copy, new WorkspaceData(data.vendors(), first, List.of(), List.of(), List.of()), e -> { },
                        () -> false);
                index.update(copy, new WorkspaceData(data.vendors(), List.of(z, a), List.of(), List.of(), List.of()),
                        e -> { }, () -> false);
                List<SearchResult.Hit> hits = index.search("terminat*", 10).hits();
                assertEquals(4, hits.size());
                // A document's passages together, in their order.
                assertEquals(hits.get(0).document(), hits.get(1).document());
                assertEquals(List.of(0, text.indexOf("2. Termination")), List.of(hits.get(0).start(), hits.get(1).start()));
                assertEquals("1. Either party may terminate on notice.".length(), hits.get(0).end());
                orders.add(hits.stream().map(hit -> hit.document() + "@" + hit.start()).toList());
            }
        }
        assertEquals(orders.get(0), orders.get(1));
    }

    /** A PDF with one page per line of text. */
    static void pdf(Path pdf, List<String> lines) throws Exception {
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            for (String line : lines) {
                var page = new org.apache.pdfbox.pdmodel.PDPage();
                document.addPage(page);
                try (var text = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                    text.beginText();
                    text.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                            org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 11);
                    text.newLineAtOffset(72, 720);
                    text.showText(line);
                    text.endText();
                }
            }
            document.save(pdf.toFile());
        }
    }

    /** A workspace this user may not write is said to be so, not taken for a damaged index and rebuilt. */
    @Test
    void aFolderThatCannotBeWrittenIsNotADamagedIndex() {
        assertEquals(java.util.Optional.of("permission denied"), DocumentIndex.notWritable(new java.io.IOException("open",
                new java.nio.file.AccessDeniedException("/city/index/write.lock"))));
        assertEquals(java.util.Optional.of("a read-only file system"), DocumentIndex.notWritable(
                new java.nio.file.FileSystemException("/city/index/write.lock", null, "Read-only file system")));
        assertEquals(java.util.Optional.empty(), DocumentIndex.notWritable(new org.apache.lucene.index.CorruptIndexException(
                "checksum failed", "segments_2")));
    }

    @Test
    void pdfPagesReachPassagesAndEvidence() throws Exception {
        pdf(workspace.resolve("documents/C-3.pdf"), List.of("1. Scope of the services.",
                "7. The Supplier shall notify the City of any security incident within 72 hours."));
        WorkspaceData withPdf = new WorkspaceData(data.vendors(), List.of(new Contract("C-3", "V-1", "C-3", "",
                Optional.of(LocalDate.of(2025, 1, 1)), 12, RenewalKind.NONE, 0, 0, ContractStatus.ACTIVE, Optional.empty(), "",
                List.of(), List.of(new DocumentRef("C-3", "documents/C-3.pdf", "")))), List.of(), List.of(), List.of());
        try (DocumentIndex index = DocumentIndex.open(workspace, ClauseDetector.standard())) {
            assertEquals(new DocumentIndex.UpdateSummary(1, 0, 0, 0), index.update(workspace, withPdf, e -> { }, () -> false));
            assertEquals(java.util.OptionalInt.of(2), index.find("C-3", "Breach Notification").get(0).page());
            assertEquals(java.util.OptionalInt.of(2), index.search("\"security incident\"", 5).hits().get(0).page());
        }
    }

    @Test
    void aPdfWhoseContentDidNotChangeIsNotExtractedAgain() throws Exception {
        pdf(workspace.resolve("documents/C-3.pdf"), List.of("1. Scope of the services.",
                "7. The Supplier shall notify the City of any security incident within 72 hours."));
        WorkspaceData withPdf = new WorkspaceData(data.vendors(), List.of(data.contracts().get(0), new Contract("C-3", "V-1",
                "C-3", "", Optional.of(LocalDate.of(2025, 1, 1)), 12, RenewalKind.NONE, 0, 0, ContractStatus.ACTIVE,
                Optional.empty(), "", List.of(), List.of(new DocumentRef("C-3", "documents/C-3.pdf", "")))), List.of(), List.of(),
                List.of());
        org.civicsla.index.clauses.ClauseDetectors detectors = new org.civicsla.index.clauses.ClauseDetectors(List.of());
        try (DocumentIndex index = DocumentIndex.open(workspace, detectors.forWorkspace(workspace))) {
            assertEquals(new DocumentIndex.UpdateSummary(2, 0, 0, 0), index.update(workspace, withPdf, e -> { }, () -> false));
            assertEquals(new DocumentIndex.UpdateSummary(0, 2, 0, 0), index.update(workspace, withPdf, e -> { }, () -> false),
                    "unchanged, and its text still kept (below)");
        }
        Path kept = workspace.resolve("index-text");
        List<Path> entries;
        try (var files = Files.list(kept)) {
            entries = files.toList();
        }
        assertEquals(1, entries.size(), "the PDF's text is kept; a TXT file is read again as fast: " + entries);
        String name = entries.get(0).getFileName().toString();
        String hash = name.substring(0, name.indexOf('.'));
        TextCache cache = new TextCache(kept, org.civicsla.index.extract.TextExtractor.version());
        assertEquals(Optional.of(2), cache.get(hash).map(text -> text.pages().size()));

        // What is indexed when the clause types change is the kept text, not the PDF extracted again: the kept
        // entry is replaced here by other text, which the index then holds.
        String planted = "The Supplier keeps its security patches current.";
        cache.put(hash, new org.civicsla.index.extract.DocumentText(planted,
                List.of(new org.civicsla.index.extract.DocumentText.Page(1, 0, planted.length()))));
        addPatchPromiseType();
        try (DocumentIndex index = DocumentIndex.open(workspace, detectors.forWorkspace(workspace))) {
            assertEquals(new DocumentIndex.UpdateSummary(2, 0, 0, 0), index.update(workspace, withPdf, e -> { }, () -> false));
            assertEquals(1, index.find("C-3", "Patch Promise").size(), "detected in the kept text");
            assertEquals(0, index.search("\"scope of the services\"", 5).totalHits(), "the PDF was not extracted again");
        }

        // A damaged entry is a miss: the PDF is extracted again (here as the index is rebuilt) and the entry rewritten.
        Files.write(entries.get(0), new byte[] { 120, -100, 1, 2, 3 });
        Files.writeString(workspace.resolve(org.civicsla.index.clauses.ClauseDetectors.WORKSPACE_FILE), "types: []\n");
        try (DocumentIndex index = DocumentIndex.open(workspace, detectors.forWorkspace(workspace))) {
            assertEquals(new DocumentIndex.UpdateSummary(2, 0, 0, 0), index.update(workspace, withPdf, e -> { }, () -> false));
            assertEquals(java.util.OptionalInt.of(1), index.search("\"scope of the services\"", 5).hits().get(0).page());
        }
        assertEquals(Optional.of(2), cache.get(hash).map(text -> text.pages().size()), "rewritten from the PDF");

        // Detached (and C-2 attached), the PDF's text is no longer kept.
        try (DocumentIndex index = DocumentIndex.open(workspace, detectors.forWorkspace(workspace))) {
            assertEquals(new DocumentIndex.UpdateSummary(1, 1, 1, 0), index.update(workspace, data, e -> { }, () -> false));
        }
        try (var files = Files.list(kept)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void aDamagedIndexIsRebuiltFromTheDocuments() throws Exception {
        try (DocumentIndex index = DocumentIndex.open(workspace, ClauseDetector.standard())) {
            index.update(workspace, data, e -> { }, () -> false);
        }
        // A crash that left garbage where the commit point should be.
        try (var files = Files.list(workspace.resolve("index"))) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().startsWith("segments")) {
                    Files.write(file, new byte[] { 1, 2, 3 });
                }
            }
        }
        try (DocumentIndex index = DocumentIndex.open(workspace, ClauseDetector.standard())) {
            assertEquals(new DocumentIndex.UpdateSummary(2, 0, 0, 0), index.update(workspace, data, e -> { }, () -> false));
            assertEquals(1, index.find("C-1", "Breach Notification").size());
        }
    }

    /**
     * Writes an index of an earlier version: one entry for C-1's document with {@code hash}, and passage text
     * when {@code text} is not null; {@code schema} is the version its commit carries, or none when null.
     */
    private void earlierIndex(String hash, String text, String schema) throws Exception {
        Path folder = Files.createDirectories(workspace.resolve("index"));
        try (var directory = org.apache.lucene.store.FSDirectory.open(folder);
                var writer = new org.apache.lucene.index.IndexWriter(directory,
                        new org.apache.lucene.index.IndexWriterConfig(new org.apache.lucene.analysis.en.EnglishAnalyzer()))) {
            var yes = org.apache.lucene.document.Field.Store.YES;
            var document = new org.apache.lucene.document.Document();
            document.add(new org.apache.lucene.document.StringField("type", "document", yes));
            document.add(new org.apache.lucene.document.StringField("docId", "C-1/documents/C-1.txt", yes));
            document.add(new org.apache.lucene.document.StringField("hash", hash, yes));
            if (text != null) {
                document.add(new org.apache.lucene.document.TextField("text", text, yes));
            }
            writer.addDocument(document);
            if (schema != null) {
                writer.setLiveCommitData(java.util.Map.of("civicsla.schema", schema).entrySet());
            }
            writer.commit();
        }
    }

    @Test
    void anIndexOfAnEarlierSchemaIsRebuiltFromTheDocuments() throws Exception {
        // Schema 1 stored passage text without offsets and its commits carried no schema version.
        earlierIndex("stale", "security incident", null);
        try (DocumentIndex index = DocumentIndex.open(workspace, ClauseDetector.standard())) {
            assertEquals(new DocumentIndex.UpdateSummary(2, 0, 0, 0), index.update(workspace, data, e -> { }, () -> false));
            SearchResult wildcard = index.search("incid*", 10);
            assertEquals(1, wildcard.totalHits());
            assertTrue(wildcard.hits().get(0).snippet().contains("‹incident›"), wildcard.hits().get(0).snippet());
        }
        try (DocumentIndex index = DocumentIndex.open(workspace, ClauseDetector.standard())) {
            assertEquals(new DocumentIndex.UpdateSummary(0, 2, 0, 0), index.update(workspace, data, e -> { }, () -> false));
        }
    }

    @Test
    void anIndexOfThePreviousSchemaIsRebuilt() throws Exception {
        // C-1's document as it is: only the schema version tells that its passages must be written again.
        earlierIndex(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(workspace.resolve("documents/C-1.txt")))), null,
                String.valueOf(Integer.parseInt(DocumentIndex.SCHEMA) - 1));
        try (DocumentIndex index = DocumentIndex.open(workspace, ClauseDetector.standard())) {
            assertEquals(new DocumentIndex.UpdateSummary(2, 0, 0, 0), index.update(workspace, data, e -> { }, () -> false));
            assertEquals(2, index.search("securit*", 10).totalHits());
        }
    }

    @Test
    void snippetsAreOneLine() {
        assertEquals("a ‹b› c", DocumentIndex.oneLine("  a\n\n‹b›\t c \n"));
        // Unicode white space folds too; a no-break space is not white space to Java and stays.
        assertEquals("a\u00A0b c d", DocumentIndex.oneLine("a\u00A0b\u2003c\u001F\u000Bd"));
        assertEquals("a ‹b› c", DocumentIndex.snippet("a\n‹b› c", "a b c d"));
        assertTrue(SearchResult.opensWith("2. ‹INSURANCE›. The Supplier", "2. INSURANCE"));
        assertTrue(SearchResult.opensWith("ARTICLE 9. INDEMNIFICATION. The Supplier", "ARTICLE 9 INDEMNIFICATION"));
        assertFalse(SearchResult.opensWith("The Supplier shall maintain insurance", "2. INSURANCE"));
        assertFalse(SearchResult.opensWith("2. INS", "2. INSURANCE"));
        String passage = "word ".repeat(100);
        String lead = DocumentIndex.snippet(null, passage);
        assertTrue(lead.endsWith("word…") && lead.length() <= 301 && passage.startsWith(lead.substring(0, lead.length() - 1)),
                lead);
        assertEquals("the passage itself", DocumentIndex.snippet("nothing marked", "the passage\nitself"));
    }

    @Test
    void aCancelledUpdateLeavesAnIndexTheNextUpdateCompletes() throws Exception {
        try (DocumentIndex index = DocumentIndex.open(workspace, ClauseDetector.standard())) {
            DocumentIndex.UpdateSummary cancelled = index.update(workspace, data, e -> { }, () -> true);
            assertEquals(0, cancelled.failed());
            assertEquals(2, cancelled.indexed() + index.update(workspace, data, e -> { }, () -> false).indexed());
            assertEquals(1, index.search("\"security incident\"", 10).totalHits());
        }
    }
}
