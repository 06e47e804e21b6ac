package org.civicsla.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.civicsla.core.check.ClauseEvidence;
import org.civicsla.core.check.ClauseHit;
import org.civicsla.core.model.Contract;
import org.civicsla.core.model.DocumentRef;
import org.civicsla.core.model.WorkspaceData;
import org.civicsla.index.clauses.ClauseDetector;
import org.civicsla.index.clauses.ClauseSpan;
import org.civicsla.index.extract.DocumentText;
import org.civicsla.index.extract.ExtractionException;
import org.civicsla.index.extract.TextExtractor;

/**
 * The Lucene index of a workspace's contract documents, in {@code <workspace>/index}: one entry per
 * document, one per passage (with vendor, contract, contract status, document, page and offsets, and
 * the clause types found in it) and one per clause detection, which the checks read as evidence.
 * Updating is incremental (a document whose content hash is unchanged is not read again) and
 * crash-safe: Lucene commits atomically, and an index that cannot be opened is rebuilt from the
 * documents, which are the source of truth.
 */
public final class DocumentIndex implements ClauseEvidence, AutoCloseable {

    /** What an update did. */
    public record UpdateSummary(int indexed, int unchanged, int removed, int failed) {
    }

    private static final long TIMEOUT_SECONDS = 120;
    private static final Set<String> KEYWORD_FIELDS = Set.of("type", "docId", "vendor", "contract", "status", "clause",
            "path", "hash", "present");

    private final Path folder;
    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final ClauseDetector detector;

    private DocumentIndex(Path folder, Directory directory, Analyzer analyzer, IndexWriter writer, ClauseDetector detector) {
        this.folder = folder;
        this.directory = directory;
        this.analyzer = analyzer;
        this.writer = writer;
        this.detector = detector;
    }

    /** Opens (or creates, or rebuilds when damaged) the index of the workspace in {@code workspace}. */
    public static DocumentIndex open(Path workspace, ClauseDetector detector) throws IOException {
        Path folder = workspace.resolve("index");
        Map<String, Analyzer> keyword = new HashMap<>();
        KEYWORD_FIELDS.forEach(f -> keyword.put(f, new KeywordAnalyzer()));
        Analyzer analyzer = new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), keyword);
        try {
            return open(folder, analyzer, detector);
        } catch (org.apache.lucene.store.LockObtainFailedException inUse) {
            // Another writer (another CivicSLA, or a job of this one) holds the index: wait, do not rebuild.
            throw new IOException("the document index " + folder + " is in use by another CivicSLA task; try again", inUse);
        } catch (IOException | RuntimeException damaged) {
            // The documents are the source of truth: a damaged index (e.g. a crash during a commit) is rebuilt.
            System.getLogger(DocumentIndex.class.getName()).log(System.Logger.Level.WARNING,
                    "rebuilding the document index " + folder + ": " + damaged.getMessage());
            deleteRecursively(folder);
            return open(folder, analyzer, detector);
        }
    }

    private static DocumentIndex open(Path folder, Analyzer analyzer, ClauseDetector detector) throws IOException {
        Files.createDirectories(folder);
        Directory directory = FSDirectory.open(folder);
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            IndexWriter writer = new IndexWriter(directory, config);
            // Reading it once proves the last commit is usable before anything relies on it.
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                reader.numDocs();
            }
            return new DocumentIndex(folder, directory, analyzer, writer, detector);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /**
     * Brings the index up to date with the documents attached to the workspace's contracts: new and
     * changed documents are read and indexed, unchanged ones skipped, detached ones removed.
     */
    public UpdateSummary update(Path workspace, WorkspaceData data, Consumer<String> errors, BooleanSupplier cancelled)
            throws IOException {
        Map<String, String> storedHashes = storedHashes();
        Set<String> attached = new HashSet<>();
        record Work(String docId, Contract contract, String path, Path file, String hash) {
        }
        record Pending(Work work, Future<List<Document>> entries) {
        }
        List<Work> work = new ArrayList<>();
        int unchanged = 0;
        int failed = 0;
        // Two readers: extraction and clause detection are CPU-bound, and this is a 2-core machine's share.
        ExecutorService readers = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "civicsla-index");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (Contract contract : data.contracts()) {
                for (DocumentRef ref : contract.documents()) {
                    String docId = contract.id() + "/" + ref.path();
                    attached.add(docId);
                    Path file = workspace.resolve(ref.path()).normalize();
                    if (!Files.isRegularFile(file)) {
                        errors.accept(contract.id() + ": document " + ref.path() + " does not exist");
                        failed++;
                        continue;
                    }
                    String hash = sha256(file);
                    if (hash.equals(storedHashes.get(docId))) {
                        unchanged++;
                    } else {
                        work.add(new Work(docId, contract, ref.path(), file, hash));
                    }
                }
            }
            // A small window of documents in flight keeps both readers busy and memory bounded.
            java.util.ArrayDeque<Pending> window = new java.util.ArrayDeque<>();
            int indexed = 0;
            int next = 0;
            while (next < work.size() || !window.isEmpty()) {
                while (next < work.size() && window.size() < 6) {
                    Work w = work.get(next++);
                    window.add(new Pending(w, readers.submit(() -> entries(w.docId(), w.contract(), w.path(), w.hash(),
                            TextExtractor.extract(w.file(), TextExtractor.Limits.DEFAULT)))));
                }
                Pending done = window.poll();
                if (cancelled.getAsBoolean()) {
                    writer.commit();
                    return new UpdateSummary(indexed, unchanged, 0, failed);
                }
                try {
                    List<Document> entries = done.entries().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    // Replace every entry of the document at once, so a reader never sees half of an update.
                    writer.updateDocuments(new Term("docId", done.work().docId()), entries);
                    indexed++;
                } catch (ExecutionException e) {
                    errors.accept(done.work().contract().id() + ": " + (e.getCause() instanceof ExtractionException x
                            ? x.getMessage() : done.work().path() + ": " + e.getCause()));
                    failed++;
                } catch (TimeoutException e) {
                    done.entries().cancel(true);
                    errors.accept(done.work().contract().id() + ": " + done.work().path() + ": took longer than "
                            + TIMEOUT_SECONDS + " s to read; skipped");
                    failed++;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("indexing interrupted", e);
                }
            }
            int removed = 0;
            for (String docId : storedHashes.keySet()) {
                if (!attached.contains(docId)) {
                    writer.deleteDocuments(new Term("docId", docId));
                    removed++;
                }
            }
            writer.commit();
            return new UpdateSummary(indexed, unchanged, removed, failed);
        } finally {
            readers.shutdownNow();
        }
    }

    /** The index entries of one document: the document, its passages and its clause detections. */
    private List<Document> entries(String docId, Contract contract, String path, String hash, DocumentText text) {
        List<Document> entries = new ArrayList<>();
        Document document = base("document", docId, contract, path);
        document.add(new StringField("hash", hash, Field.Store.YES));
        entries.add(document);
        var detections = detector.detect(text.text());
        for (Passages.Passage passage : Passages.of(text)) {
            Document entry = base("passage", docId, contract, path);
            entry.add(new TextField("text", text.text().substring(passage.start(), passage.end()), Field.Store.YES));
            text.pageAt(passage.start()).ifPresent(page -> entry.add(new IntField("page", page, Field.Store.YES)));
            entry.add(new StoredField("start", passage.start()));
            entry.add(new StoredField("end", passage.end()));
            for (var detection : detections) {
                if (detection.present() && detection.evidence().stream()
                        .anyMatch(span -> span.start() < passage.end() && span.end() > passage.start())) {
                    entry.add(new StringField("clause", detection.category(), Field.Store.YES));
                }
            }
            entries.add(entry);
        }
        for (var detection : detections) {
            if (!detection.present()) {
                continue;
            }
            Document entry = base("detection", docId, contract, path);
            entry.add(new StringField("clause", detection.category(), Field.Store.YES));
            entry.add(new StoredField("confidence", detection.confidence()));
            if (!detection.evidence().isEmpty()) {
                ClauseSpan span = detection.evidence().get(0);
                entry.add(new StoredField("snippet", span.snippet()));
                // Same field type as the passages' page: Lucene requires one schema per field name.
                text.pageAt(span.start()).ifPresent(page -> entry.add(new IntField("page", page, Field.Store.YES)));
            }
            detection.values().forEach((key, value) -> entry.add(new StoredField("value", key + "=" + value)));
            entries.add(entry);
        }
        return entries;
    }

    private static Document base(String type, String docId, Contract contract, String path) {
        Document document = new Document();
        document.add(new StringField("type", type, Field.Store.YES));
        document.add(new StringField("docId", docId, Field.Store.YES));
        document.add(new StringField("vendor", contract.vendorId(), Field.Store.YES));
        document.add(new StringField("contract", contract.id(), Field.Store.YES));
        document.add(new StringField("status", contract.status().name().toLowerCase(java.util.Locale.ROOT), Field.Store.YES));
        document.add(new StringField("path", path, Field.Store.YES));
        return document;
    }

    private Map<String, String> storedHashes() throws IOException {
        Map<String, String> hashes = new HashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            TopDocs docs = searcher.search(new TermQuery(new Term("type", "document")), Math.max(1, reader.maxDoc()));
            var stored = searcher.storedFields();
            for (ScoreDoc hit : docs.scoreDocs) {
                Document document = stored.document(hit.doc);
                hashes.put(document.get("docId"), document.get("hash"));
            }
        }
        return hashes;
    }

    @Override
    public List<ClauseHit> find(String contractId, String clauseType) {
        BooleanQuery query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term("type", "detection")), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term("contract", contractId)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term("clause", clauseType)), BooleanClause.Occur.FILTER).build();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            TopDocs docs = searcher.search(query, 50);
            List<ClauseHit> hits = new ArrayList<>();
            var stored = searcher.storedFields();
            for (ScoreDoc hit : docs.scoreDocs) {
                Document d = stored.document(hit.doc);
                Map<String, String> values = new LinkedHashMap<>();
                for (String value : d.getValues("value")) {
                    int eq = value.indexOf('=');
                    values.put(value.substring(0, eq), value.substring(eq + 1));
                }
                var page = d.getField("page");
                hits.add(new ClauseHit(contractId, clauseType, d.get("path"),
                        page == null ? OptionalInt.empty() : OptionalInt.of(page.numericValue().intValue()),
                        d.get("snippet") == null ? "" : d.get("snippet"), d.getField("confidence").numericValue().doubleValue(),
                        values));
            }
            hits.sort(Comparator.comparingDouble(ClauseHit::confidence).reversed());
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the document index " + folder, e);
        }
    }

    /**
     * Searches the passages. The query uses Lucene's classic syntax: words, "phrases", wildcards
     * (secur*), and fields: {@code vendor:V-001}, {@code contract:C-012}, {@code clause:"Breach Notification"},
     * {@code status:active}.
     *
     * @throws IllegalArgumentException with a readable message when the query cannot be parsed
     */
    public SearchResult search(String queryText, int limit) throws IOException {
        Query parsed;
        try {
            QueryParser parser = new QueryParser("text", analyzer);
            parser.setAllowLeadingWildcard(false);
            parsed = parser.parse(queryText);
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot understand the query '" + queryText + "': "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        Query query = new BooleanQuery.Builder().add(new TermQuery(new Term("type", "passage")), BooleanClause.Occur.FILTER)
                .add(parsed, BooleanClause.Occur.MUST).build();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            TopDocs top = searcher.search(query, Math.max(limit, 1));
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                    .withFormatter(new DefaultPassageFormatter("‹", "›", "…", false)).withMaxLength(100_000).build();
            String[] snippets = highlighter.highlight("text", query, top, 2);
            List<SearchResult.Hit> hits = new ArrayList<>();
            Map<String, Map<String, Integer>> facets = new TreeMap<>();
            var stored = searcher.storedFields();
            for (int i = 0; i < top.scoreDocs.length; i++) {
                Document d = stored.document(top.scoreDocs[i].doc);
                var page = d.getField("page");
                List<String> clauses = List.of(d.getValues("clause"));
                hits.add(new SearchResult.Hit(d.get("vendor"), d.get("contract"), d.get("path"),
                        page == null ? OptionalInt.empty() : OptionalInt.of(page.numericValue().intValue()),
                        snippets[i] == null ? "" : snippets[i].replaceAll("\\s+", " ").strip(), clauses, top.scoreDocs[i].score,
                        d.getField("start").numericValue().intValue(), d.getField("end").numericValue().intValue()));
                count(facets, "vendor", d.get("vendor"));
                count(facets, "status", d.get("status"));
                clauses.forEach(c -> count(facets, "clause", c));
            }
            return new SearchResult(top.totalHits.value(), hits, facets);
        }
    }

    private static void count(Map<String, Map<String, Integer>> facets, String facet, String value) {
        facets.computeIfAbsent(facet, f -> new TreeMap<>()).merge(value, 1, Integer::sum);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            writer.close();
        } finally {
            directory.close();
        }
    }
}
