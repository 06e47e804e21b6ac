package org.civicsla.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.civicsla.core.model.Contract;
import org.civicsla.core.model.ContractStatus;
import org.civicsla.core.model.Criticality;
import org.civicsla.core.model.DocumentRef;
import org.civicsla.core.model.RenewalKind;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;
import org.civicsla.index.DocumentIndex;
import org.civicsla.index.clauses.ClauseDetector;
import org.civicsla.index.clauses.ClauseTaxonomy;

/**
 * Ingest throughput on CUAD: raw PDFBox extraction (2 threads) and raw Lucene indexing of the TXT files
 * as baselines, then CivicSLA's index (extraction, passages, clause detection) of the same files, a
 * re-index of unchanged files, and search latency. Run: bench/run.sh org.civicsla.bench.IndexBench ../shared/data/cuad-dev [txt]
 * ({@code txt}: the TXT figures alone, without the PDFs).
 */
public final class IndexBench {

    /** Held: java.util.logging keeps loggers weakly, and a collected logger forgets its level (as the product's
     * logging.properties does, PDFBox's per-font warnings are silenced). */
    private static final List<java.util.logging.Logger> QUIET = List.of(java.util.logging.Logger.getLogger("org.apache.pdfbox"),
            java.util.logging.Logger.getLogger("org.apache.fontbox"));

    public static void main(String[] args) throws Exception {
        QUIET.forEach(logger -> logger.setLevel(java.util.logging.Level.SEVERE));
        Path cuad = Path.of(args[0]);
        boolean txtOnly = args.length > 1 && args[1].equals("txt");
        List<Path> pdfs = txtOnly ? List.of() : list(cuad.resolve("contracts/pdf"), ".pdf");
        List<Path> txts = list(cuad.resolve("contracts/txt"), ".txt");
        double pdfMb = size(pdfs);
        double txtMb = size(txts);

        long start = System.nanoTime();
        long cpu = cpu();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> work = new ArrayList<>();
        for (Path pdf : pdfs) {
            work.add(pool.submit(() -> {
                try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                    return new PDFTextStripper().getText(document).length();
                }
            }));
        }
        for (Future<Integer> f : work) {
            f.get();
        }
        pool.shutdown();
        double rawPdf = seconds(start);
        double rawPdfCpu = cpuSeconds(cpu);
        if (!txtOnly) {
            System.out.printf("raw PDFBox extraction, 2 threads: %d PDFs (%.1f MB) in %.1f s (CPU %.1f s)%n", pdfs.size(), pdfMb,
                    rawPdf, rawPdfCpu);
        }

        Path rawIndex = Files.createTempDirectory("civicsla-raw-lucene");
        start = System.nanoTime();
        cpu = cpu();
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(rawIndex), new IndexWriterConfig(new EnglishAnalyzer()))) {
            for (Path txt : txts) {
                Document doc = new Document();
                doc.add(new TextField("text", Files.readString(txt), Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.commit();
        }
        double rawTxt = seconds(start);
        double rawTxtCpu = cpuSeconds(cpu);
        System.out.printf("raw Lucene indexing (EnglishAnalyzer): %d TXT (%.1f MB) in %.2f s (CPU %.2f s)%n", txts.size(), txtMb,
                rawTxt, rawTxtCpu);

        for (var set : txtOnly ? List.of(List.of("TXT", txts)) : List.of(List.of("TXT", txts), List.of("PDF", pdfs))) {
            @SuppressWarnings("unchecked")
            List<Path> files = (List<Path>) set.get(1);
            Path workspace = Files.createTempDirectory("civicsla-index-bench");
            WorkspaceData data = workspace(workspace, files);
            Heap.reset();
            start = System.nanoTime();
            cpu = cpu();
            try (DocumentIndex index = DocumentIndex.open(workspace, ClauseDetector.standard())) {
                var summary = index.update(workspace, data, e -> { }, () -> false);
                double took = seconds(start);
                double tookCpu = cpuSeconds(cpu);
                double mb = set.get(0).equals("PDF") ? pdfMb : txtMb;
                double raw = set.get(0).equals("PDF") ? rawPdf : rawTxt;
                System.out.printf("CivicSLA index %s: %d documents (%d failed) in %.1f s = %.2f MB/s, %.1f documents/s; "
                        + "%.2fx the raw baseline (CPU %.1f s = %.2fx); peak heap %d MB%n", set.get(0), summary.indexed(),
                        summary.failed(), took, mb / took, summary.indexed() / took, took / raw, tookCpu,
                        tookCpu / (set.get(0).equals("PDF") ? rawPdfCpu : rawTxtCpu), Heap.peakMb());
                start = System.nanoTime();
                var again = index.update(workspace, data, e -> { }, () -> false);
                System.out.printf("re-index of %d unchanged %s files: %.2f s%n", again.unchanged(), set.get(0), seconds(start));
                if (set.get(0).equals("TXT")) {
                    queries(index);
                }
            }
            // A city adds a clause type of its own: every document is detected again, its content unchanged (the
            // text of PDF and DOCX files is kept beside the index, so it is not extracted again).
            Files.writeString(workspace.resolve(org.civicsla.index.clauses.ClauseDetectors.WORKSPACE_FILE), """
                    types:
                      - name: Security Desk
                        steps: [2]
                        patterns: ['\\bsecurity (?:desk|operations cent(?:er|re))\\b']
                    """);
            start = System.nanoTime();
            try (DocumentIndex index = DocumentIndex.open(workspace,
                    new org.civicsla.index.clauses.ClauseDetectors(List.of()).forWorkspace(workspace))) {
                var redetected = index.update(workspace, data, e -> { }, () -> false);
                System.out.printf("after a change of clause types, %d unchanged %s files detected again: %.2f s%n",
                        redetected.indexed(), set.get(0), seconds(start));
            }
        }

        // Last, so they warm nothing the figures above measure: the TXT index again now that the JIT has compiled
        // its code (the first index above pays for compiling it), and without clause types, i.e. what extraction,
        // passages and indexing cost next to raw Lucene.
        Path warm = Files.createTempDirectory("civicsla-index-bench");
        start = System.nanoTime();
        cpu = cpu();
        try (DocumentIndex index = DocumentIndex.open(warm, ClauseDetector.standard())) {
            index.update(warm, workspace(warm, txts), e -> { }, () -> false);
        }
        double again = seconds(start);
        System.out.printf("CivicSLA index TXT again (JIT warm): %.2f s = %.2fx the raw baseline (CPU %.2f s = %.2fx)%n",
                again, again / rawTxt, cpuSeconds(cpu), cpuSeconds(cpu) / rawTxtCpu);
        Path bare = Files.createTempDirectory("civicsla-index-bench");
        ClauseDetector none = new ClauseDetector(ClauseTaxonomy.load(
                new java.io.ByteArrayInputStream("types: []".getBytes(java.nio.charset.StandardCharsets.UTF_8)), "none"));
        start = System.nanoTime();
        cpu = cpu();
        try (DocumentIndex index = DocumentIndex.open(bare, none)) {
            index.update(bare, workspace(bare, txts), e -> { }, () -> false);
        }
        double noDetection = seconds(start);
        System.out.printf("CivicSLA index TXT without clause detection: %.2f s = %.2fx the raw baseline (CPU %.2f s = %.2fx)%n",
                noDetection, noDetection / rawTxt, cpuSeconds(cpu), cpuSeconds(cpu) / rawTxtCpu);
    }

    /**
     * Search latency, with the facets counted over all matches (as the search part and the command line ask) and
     * without them, each query in both ways one after the other, the first way alternating, so both see the same
     * JIT and cache state. Beside wall time, the searching thread's CPU time: a figure other programs on the
     * machine do not inflate.
     */
    private static void queries(DocumentIndex index) throws Exception {
        List<String> queries = QUERIES;
        for (int i = 0; i < 100; i++) {
            index.search(queries.get(i % queries.size()), 10, DocumentIndex.Facets.SKIP); // warm-up
            index.search(queries.get(i % queries.size()), 10, DocumentIndex.Facets.COUNT);
        }
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[][] nanos = new long[2][1000];
        long[][] cpuNanos = new long[2][1000];
        for (int i = 0; i < 1000; i++) {
            for (int k = 0; k < 2; k++) {
                int way = (i + k) % 2; // 0: without facets, 1: with
                long cpu = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                index.search(queries.get(i % queries.size()), 10, way == 0 ? DocumentIndex.Facets.SKIP : DocumentIndex.Facets.COUNT);
                nanos[way][i] = System.nanoTime() - start;
                cpuNanos[way][i] = threads.getCurrentThreadCpuTime() - cpu;
            }
        }
        for (int way = 0; way < 2; way++) {
            Arrays.sort(nanos[way]);
            Arrays.sort(cpuNanos[way]);
            System.out.printf("search with highlighting, 1,000 queries, %s: p50 %.2f ms, p99 %.2f ms (thread CPU p50 %.2f ms, p99 %.2f ms)%n",
                    way == 0 ? "without facets" : "with facets over all matches", nanos[way][500] / 1e6, nanos[way][990] / 1e6,
                    cpuNanos[way][500] / 1e6, cpuNanos[way][990] / 1e6);
        }
        System.out.printf("(load average %.2f)%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The clause and keyword queries the search figures are measured on (SearchProfile uses them too). */
    static final List<String> QUERIES = List.of("\"limitation of liability\"", "audit AND records", "insur*",
            "clause:\"Audit Rights\"", "\"change of control\"", "terminat* AND convenience",
            "clause:\"Renewal Term\" AND notice", "warranty", "\"source code\" AND escrow", "indemnif*");

    /**
     * A workspace in {@code folder} of the given contract files: one active contract each, spread over 50 vendors.
     * Documents live inside a workspace: each file's folder is linked in as documents/&lt;its name&gt;.
     */
    static WorkspaceData workspace(Path folder, List<Path> files) throws java.io.IOException {
        List<Contract> contracts = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String id = "C-" + i;
            Path file = files.get(i).toAbsolutePath();
            Path link = folder.resolve("documents").resolve(file.getParent().getFileName().toString());
            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, file.getParent());
            }
            contracts.add(new Contract(id, "V-" + (i % 50), id, "", Optional.of(LocalDate.of(2020, 1, 1)), 12, RenewalKind.NONE,
                    0, 0, ContractStatus.ACTIVE, Optional.empty(), "", List.of(),
                    List.of(new DocumentRef(id, "documents/" + link.getFileName() + "/" + file.getFileName(), ""))));
        }
        List<Vendor> vendors = new ArrayList<>();
        for (int v = 0; v < 50; v++) {
            vendors.add(new Vendor("V-" + v, "Vendor " + v, "", Criticality.LOW, List.of()));
        }
        return new WorkspaceData(vendors, contracts, List.of(), List.of(), List.of());
    }

    /** The files of {@code folder} whose names end in {@code suffix}, sorted. */
    static List<Path> list(Path folder, String suffix) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted(Comparator.naturalOrder()).toList();
        }
    }

    private static double size(List<Path> files) throws Exception {
        long bytes = 0;
        for (Path p : files) {
            bytes += Files.size(p);
        }
        return bytes / 1e6;
    }

    /** CPU time of the whole process (all threads, GC included): unlike wall time, other programs on the machine do not add to it. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double cpuSeconds(long start) {
        return (cpu() - start) / 1e9;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
