package org.civicsla.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.civicsla.core.model.Contract;
import org.civicsla.core.model.ContractStatus;
import org.civicsla.core.model.Criticality;
import org.civicsla.core.model.DocumentRef;
import org.civicsla.core.model.RenewalKind;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;
import org.civicsla.index.clauses.ClauseDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL) a second JVM in the middle of an index update, as a power cut or a killed product would, and
 * shows that the next open recovers: what was committed before is there, and the next update completes the index.
 */
class IndexKillTest {

    @TempDir
    Path workspace;

    /** Documents the child indexes: enough that a fresh JVM takes seconds, so the kill falls inside the update. */
    private static final int DOCUMENTS = 400;
    private static final int COMMITTED = 5;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a child that hangs must not hang the build
    void aProcessKilledWhileIndexingLeavesAnIndexTheNextOpenRecovers() throws Exception {
        Optional<String> classPath = classPath();
        assumeTrue(classPath.isPresent(), "the classes' locations are not files");
        documents(workspace, DOCUMENTS);
        try (DocumentIndex index = DocumentIndex.open(workspace, ClauseDetector.standard())) {
            assertEquals(new DocumentIndex.UpdateSummary(COMMITTED, 0, 0, 0),
                    index.update(workspace, data(COMMITTED), e -> { }, () -> false));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", classPath.get(), IndexUntilKilled.class.getName(),
                workspace.toString()).redirectErrorStream(true).redirectOutput(workspace.resolve("child.log").toFile()).start();
        try {
            Path started = workspace.resolve(IndexUntilKilled.STARTED);
            while (!Files.exists(started) && child.isAlive()) { // no time assertion: a slow machine only waits longer
                Thread.sleep(10);
            }
            assertTrue(Files.exists(started), () -> "the child JVM did not start indexing: " + log());
            // Killed once it has kept the text of a few PDFs, while it goes on with the others.
            while (kept(workspace) < 3 && child.isAlive()) {
                Thread.sleep(5);
            }
            assertTrue(kept(workspace) >= 3, () -> "the child kept no text of its PDFs: " + log());
            assumeTrue(!Files.exists(workspace.resolve(IndexUntilKilled.DONE)), "the update ended before it could be killed");
        } finally {
            child.destroyForcibly();
            child.waitFor(60, TimeUnit.SECONDS);
        }
        try (DocumentIndex index = DocumentIndex.open(workspace, ClauseDetector.standard())) {
            assertEquals(1, index.find("C-0", "Breach Notification").size(), "what was committed before the kill is there");
            DocumentIndex.UpdateSummary summary = index.update(workspace, data(DOCUMENTS), e -> { }, () -> false);
            assertEquals(0, summary.failed());
            assertEquals(DOCUMENTS, summary.indexed() + summary.unchanged(), summary.toString());
            assertEquals(1, index.find("C-" + (DOCUMENTS - 1), "Breach Notification").size());
            assertEquals(DOCUMENTS, index.search("\"security incident\"", 1).totalHits(), "each document once");
        }
        // The text kept of the PDFs, some written when the kill came: each entry whole, none left half-written.
        TextCache kept = new TextCache(workspace.resolve("index-text"), org.civicsla.index.extract.TextExtractor.version());
        try (var files = Files.list(workspace.resolve("index-text"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertEquals(DOCUMENTS / 10, names.size(), names.toString());
            for (String name : names) {
                assertTrue(name.endsWith(".text") && kept.get(name.substring(0, name.length() - 5)).isPresent(), name);
            }
        }
    }

    private static long kept(Path workspace) throws java.io.IOException {
        Path folder = workspace.resolve("index-text");
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".text")).count();
        }
    }

    private String log() {
        try {
            return Files.readString(workspace.resolve("child.log"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** Contracts C-0 ... C-(count-1) of one vendor, each with its document (see {@link #documents}). */
    static WorkspaceData data(int count) {
        List<Contract> contracts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            contracts.add(new Contract("C-" + i, "V-1", "C-" + i, "", Optional.of(LocalDate.of(2025, 1, 1)), 12,
                    RenewalKind.NONE, 0, 0, ContractStatus.ACTIVE, Optional.empty(), "", List.of(),
                    List.of(new DocumentRef("C-" + i, "documents/" + file(i), ""))));
        }
        return new WorkspaceData(List.of(new Vendor("V-1", "Civic Cloud", "", Criticality.HIGH, List.of())), contracts,
                List.of(), List.of(), List.of());
    }

    /** Every tenth document is a PDF, whose text is kept beside the index; the others are TXT files. */
    private static String file(int i) {
        return "C-" + i + (i % 10 == 9 ? ".pdf" : ".txt");
    }

    /** A contract text of some 20 KB per document, each a little different; a PDF of two pages for every tenth. */
    static void documents(Path workspace, int count) throws Exception {
        Files.createDirectories(workspace.resolve("documents"));
        for (int i = 0; i < count; i++) {
            if (file(i).endsWith(".pdf")) {
                // Larger than the TXT files, so read first (largest first): the kill falls while their text is kept.
                List<String> pages = new ArrayList<>();
                pages.add("SERVICES AGREEMENT No. " + i);
                for (int s = 1; s <= 60; s++) {
                    // A page each, told apart by more than digits: a line that repeats on most pages is a running header.
                    pages.add(s + ". SERVICE LEVEL " + s + ". The Supplier shall provide service " + (s * 7 + i) + " of class "
                            + (char) ('a' + s % 26) + (char) ('a' + s / 26) + ".");
                }
                pages.add("61. SECURITY INCIDENTS. The Supplier shall notify the City of any security incident within "
                        + (24 + i % 48) + " hours.");
                DocumentIndexTest.pdf(workspace.resolve("documents/" + file(i)), pages);
                continue;
            }
            StringBuilder text = new StringBuilder("SERVICES AGREEMENT No. " + i + "\n\n");
            for (int s = 1; s <= 60; s++) {
                text.append(s).append(". SERVICE LEVEL ").append(s).append(". The Supplier shall provide service ")
                        .append(s * 7 + i).append(" to the City with reasonable care, keep records of it for ")
                        .append(s + 2).append(" years, and answer the City's questions within ").append(s + i % 5)
                        .append(" business days.\n\n");
            }
            text.append("61. SECURITY INCIDENTS. The Supplier shall notify the City of any security incident within ")
                    .append(24 + i % 48).append(" hours of becoming aware of it.\n");
            Files.writeString(workspace.resolve("documents/" + file(i)), text);
        }
    }

    /**
     * The files (folders or jars) the classes the child needs were loaded from, as a class path: the index, the
     * model, and the libraries the index loads (each found through a class loader that sees it, so this works on
     * a plain class path and in OSGi alike); empty when a location is not a file.
     */
    private static Optional<String> classPath() {
        Set<String> entries = new LinkedHashSet<>();
        try {
            ClassLoader index = DocumentIndex.class.getClassLoader();
            ClassLoader pdfbox = index.loadClass("org.apache.pdfbox.Loader").getClassLoader();
            ClassLoader poi = index.loadClass("org.apache.poi.openxml4j.util.ZipSecureFile").getClassLoader();
            List<Class<?>> types = new ArrayList<>(List.of(IndexUntilKilled.class, DocumentIndex.class, Contract.class));
            for (String name : List.of("org.apache.lucene.index.IndexWriter", "org.apache.lucene.analysis.en.EnglishAnalyzer",
                    "org.apache.lucene.queryparser.classic.QueryParser", "org.apache.lucene.search.uhighlight.UnifiedHighlighter",
                    "org.yaml.snakeyaml.Yaml", "org.apache.commons.csv.CSVFormat", "org.apache.pdfbox.Loader",
                    "org.apache.pdfbox.io.RandomAccessRead", "org.apache.poi.openxml4j.util.ZipSecureFile",
                    "org.apache.poi.xwpf.usermodel.XWPFDocument")) {
                types.add(index.loadClass(name));
            }
            types.add(pdfbox.loadClass("org.apache.fontbox.ttf.TrueTypeFont"));
            types.add(pdfbox.loadClass("org.apache.commons.logging.LogFactory"));
            for (String name : List.of("org.apache.poi.POIDocument", "org.apache.commons.compress.archivers.zip.ZipFile",
                    "org.apache.commons.io.IOUtils", "org.apache.logging.log4j.LogManager", "org.apache.xmlbeans.XmlObject")) {
                types.add(poi.loadClass(name));
            }
            for (Class<?> type : types) {
                var source = type.getProtectionDomain().getCodeSource();
                Path path = source == null ? null : Path.of(source.getLocation().toURI());
                if (path == null || !Files.exists(path)) {
                    return Optional.empty();
                }
                entries.add(path.toString());
            }
        } catch (ClassNotFoundException | java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
        return Optional.of(String.join(File.pathSeparator, entries));
    }

    /** The child JVM: one update of every document, announced when it starts and when it is done. */
    public static final class IndexUntilKilled {
        static final String STARTED = "update-started";
        static final String DONE = "update-done";

        public static void main(String[] args) throws Exception {
            Path workspace = Path.of(args[0]);
            try (DocumentIndex index = DocumentIndex.open(workspace, ClauseDetector.standard())) {
                Files.createFile(workspace.resolve(STARTED));
                index.update(workspace, data(DOCUMENTS), e -> { }, () -> false);
                Files.createFile(workspace.resolve(DONE));
            }
        }
    }
}
