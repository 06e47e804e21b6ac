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
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldHighlighter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UHComponents;
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
import org.civicsla.index.clauses.ClauseType;
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

    /**
     * How long one document may be read, in seconds: 120, or the system property {@value #TIMEOUT_PROPERTY} (a
     * slow machine, a test), read at each update.
     */
    static final String TIMEOUT_PROPERTY = "civicsla.index.timeoutSeconds";

    private static long timeoutSeconds() {
        return Math.max(1, Long.getLong(TIMEOUT_PROPERTY, 120));
    }
    /**
     * Version of what the index holds and how; an index written with another version is rebuilt from the
     * documents. 2: passage text has offsets in its postings (Lucene refuses to mix index options in one field).
     * 3: an unstemmed copy of the passage text ({@value #EXACT}) for wildcards and fuzzy words; doc values for
     * the facets (vendor, status, clause) and the order of equal scores. 4: the unstemmed copy
     * holds which words a passage has, not where. 5: only the words that are not their own stem. 6: with
     * their offsets; equal scores ordered by a number. 8: evidence snippets are the clause's sentences. 9: passages
     * keep the heading of their section. 10: no-break spaces are plain spaces in passages and evidence. 11: DOCX tables are
     * read, DOCX tables of contents are not. 12: a PDF scan or one of unmappable glyphs is unreadable, not empty. When what
     * extraction gives changes, TextExtractor.VERSION changes with
     * it, so kept text is extracted again.
     */
    static final String SCHEMA = "12";
    private static final String SCHEMA_KEY = "civicsla.schema";
    /**
     * The fingerprint of the clause types whose detections the index holds (see ClauseTaxonomy#fingerprint):
     * opened with other types (a rule changed, a plugin or the workspace's clauses.yaml added one), the index is
     * rebuilt, so no document keeps detections of rules that are gone.
     */
    private static final String CLAUSES_KEY = "civicsla.clauses";
    /**
     * Passage text, stored for snippets, with offsets in the postings: the highlighter then reads match
     * offsets from the index instead of re-analysing every hit's text on every search.
     */
    private static final FieldType PASSAGE_TEXT = passageText();
    /**
     * The passage's words as written (lowercased) where their stems differ from them: wildcards
     * ({@code terminat*}) and fuzzy words search them beside the stems, since stems ("termin") do not start as
     * the words do. Offsets in the postings, as for the text, so the highlighter marks these matches without
     * analysing the hits again (which tripled the time of a wildcard search). All the words with positions
     * and offsets made indexing a third slower; these are a fraction of them (see {@link WrittenWords}).
     */
    static final String EXACT = "exact";
    private static final FieldType EXACT_TEXT = exactText();
    /** What a search reads of a hit: its text for the snippet and what the hit and the facets show. */
    private static final Set<String> HIT_FIELDS = Set.of("text", "vendor", "contract", "path", "page", "section",
            "clause", "start");
    /**
     * Best score first; equal scores (every match of a wildcard has one) by document, then place in the
     * document ({@link #tieOrder}), so the order does not depend on the order the documents happened to be
     * indexed in. A number, not the path itself: comparing paths read them from the index for every hit that
     * entered the top, a third of a common word's search.
     */
    private static final Sort ORDER = new Sort(SortField.FIELD_SCORE, new SortField("order", SortField.Type.LONG));
    private static final Set<String> KEYWORD_FIELDS = Set.of("type", "docId", "vendor", "contract", "status", "clause",
            "path", "hash", "present");

    private final Path folder;
    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final ClauseDetector detector;
    /** The text extracted from each document, so documents whose content did not change are not extracted again. */
    private final TextCache texts;
    /**
     * Searchers over the writer's latest state, shared by searches and refreshed after each update,
     * instead of opening a reader per search.
     */
    private final SearcherManager searchers;
    /**
     * The facet values of each segment by ordinal, named once per segment instead of once per search: naming an
     * ordinal decompresses a block of the doc values' terms, and the segments of an index seldom change.
     */
    private final Map<IndexReader.CacheKey, String[][]> facetNames = new ConcurrentHashMap<>();

    /** Started afresh when opened: the next update reads every document (see {@link #startedAfresh}). */
    private final boolean afresh;

    private DocumentIndex(Path folder, Directory directory, Analyzer analyzer, IndexWriter writer, ClauseDetector detector,
            SearcherManager searchers, boolean afresh) {
        this.folder = folder;
        // Beside the index, not in it: a damaged index is deleted and rebuilt, and the rebuild is faster with the text.
        this.texts = new TextCache(folder.resolveSibling("index-text"), TextExtractor.version());
        this.directory = directory;
        this.analyzer = analyzer;
        this.writer = writer;
        this.detector = detector;
        this.searchers = searchers;
        this.afresh = afresh;
    }

    /**
     * Whether the index was started afresh when opened, because it was written with another schema or other
     * clause types (or there was none): the next update reads every document again, which takes a while for many
     * PDFs. Callers say so to the user instead of a plain "Searching...".
     */
    public boolean startedAfresh() {
        return afresh;
    }

    private static FieldType passageText() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static FieldType exactText() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    /** Opens (or creates, or rebuilds when damaged) the index of the workspace in {@code workspace}. */
    public static DocumentIndex open(Path workspace, ClauseDetector detector) throws IOException {
        Path folder = workspace.resolve("index");
        Map<String, Analyzer> keyword = new HashMap<>();
        KEYWORD_FIELDS.forEach(f -> keyword.put(f, new KeywordAnalyzer()));
        keyword.put(EXACT, WrittenWords.written());
        Analyzer analyzer = new PerFieldAnalyzerWrapper(WrittenWords.stems(), keyword);
        try {
            return open(folder, analyzer, detector);
        } catch (org.apache.lucene.store.LockObtainFailedException inUse) {
            // Another writer (another CivicSLA, or a job of this one) holds the index: wait, do not rebuild.
            throw new IOException("the document index " + folder + " is in use by another CivicSLA task; try again", inUse);
        } catch (IOException | RuntimeException damaged) {
            Optional<String> denied = notWritable(damaged);
            if (denied.isPresent()) {
                // Not damaged: a read-only workspace (another user's, a read-only share) is said so, not "rebuilt".
                throw new IOException("the document index " + folder + " cannot be written (" + denied.get() + "): CivicSLA"
                        + " keeps its index in the workspace folder and writes it also to search; give this user write"
                        + " access, or work on a copy", damaged);
            }
            // The documents are the source of truth: a damaged index (e.g. a crash during a commit) is rebuilt.
            System.Logger log = System.getLogger(DocumentIndex.class.getName());
            log.log(System.Logger.Level.WARNING, "rebuilding the document index " + folder
                    + " from the documents: it is damaged or was written by another version");
            log.log(System.Logger.Level.DEBUG, "what Lucene found wrong with " + folder, damaged);
            deleteRecursively(folder);
            return open(folder, analyzer, detector);
        }
    }

    /** Why {@code failure} is a folder this user may not write (permission, a read-only file system), if it is that. */
    static Optional<String> notWritable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.nio.file.AccessDeniedException) {
                return Optional.of("permission denied");
            }
            if (cause instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                    && fs.getReason().contains("Read-only file system")) {
                return Optional.of("a read-only file system");
            }
        }
        return Optional.empty();
    }

    private static DocumentIndex open(Path folder, Analyzer analyzer, ClauseDetector detector) throws IOException {
        Files.createDirectories(folder);
        Directory directory = FSDirectory.open(folder);
        IndexWriter writer = null;
        try {
            // An index of another schema or other clause types is started afresh; it stays as it was until the
            // rebuild commits.
            String clauses = detector.taxonomy().fingerprint();
            Map<String, String> held = DirectoryReader.indexExists(directory)
                    ? SegmentInfos.readLatestCommit(directory).getUserData() : Map.of();
            boolean current = SCHEMA.equals(held.get(SCHEMA_KEY)) && clauses.equals(held.get(CLAUSES_KEY));
            // Flushed segments stay separate files instead of being copied once more into a compound file. The
            // default RAM buffer stays: 64 MB made neither CUAD ingest faster nor its peak heap smaller.
            // An index started afresh is committed by an update only: closed before one (a caller that only
            // reads), it must not replace the last commit with an empty index.
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(current
                    ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE)
                    .setUseCompoundFile(false).setCommitOnClose(current);
            writer = new IndexWriter(directory, config);
            writer.setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA, CLAUSES_KEY, clauses).entrySet());
            // Opening a searcher proves the last commit is usable before anything relies on it.
            SearcherManager searchers = new SearcherManager(writer, null);
            return new DocumentIndex(folder, directory, analyzer, writer, detector, searchers, !current);
        } catch (IOException | RuntimeException e) {
            if (writer != null) {
                writer.rollback();
            }
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
        return update(workspace, data, errors, cancelled, (finished, total) -> { });
    }

    /** How far an update is: {@code finished} of {@code total} documents looked at, told on the updating thread. */
    @FunctionalInterface
    public interface Progress {
        void documents(int finished, int total);
    }

    /**
     * {@link #update(Path, WorkspaceData, Consumer, BooleanSupplier)}, telling {@code progress} as each document is
     * done, so that a progress bar follows the reading (the bulk of the work) rather than jump at its end.
     */
    public UpdateSummary update(Path workspace, WorkspaceData data, Consumer<String> errors, BooleanSupplier cancelled,
            Progress progress) throws IOException {
        Map<String, Stored> storedHashes = storedHashes();
        Set<String> attached = new HashSet<>();
        List<Work> work = new ArrayList<>();
        int unchanged = 0;
        int failed = 0;
        for (Contract contract : data.contracts()) {
            for (DocumentRef ref : contract.documents()) {
                String docId = contract.id() + "/" + ref.path();
                attached.add(docId);
                Path file = workspace.resolve(ref.path()).normalize();
                if (!file.toAbsolutePath().startsWith(workspace.toAbsolutePath().normalize())) {
                    // Documents live in the workspace (the workbench copies them there, an import refuses other
                    // paths): a stored path reaching out of it is not read, whoever put it there.
                    errors.accept(contract.id() + ": document " + ref.path() + " is outside the workspace folder; not read");
                    failed++;
                    continue;
                }
                if (!Files.isRegularFile(file)) {
                    errors.accept(contract.id() + ": document " + ref.path() + (Files.exists(file)
                            ? " is not a regular file (a folder, device or pipe); not read" : " does not exist"));
                    failed++;
                    continue;
                }
                Stored stored = storedHashes.get(docId);
                work.add(new Work(docId, contract, ref.path(), file, Files.size(file), stored == null ? null : stored.hash(),
                        stored == null ? null : stored.error(), stored != null && !stored.labels(contract)));
            }
        }
        // Largest first: a big document started last would leave one reader idle while it finishes alone.
        work.sort(Comparator.comparingLong(Work::size).reversed());
        // Two readers: hashing, extraction, clause detection and indexing are CPU-bound, and this is a 2-core
        // machine's share. Each reader indexes what it read (IndexWriter takes documents from several threads),
        // so indexing is not left to one thread while the readers wait.
        ExecutorService readers = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "civicsla-index");
            thread.setDaemon(true);
            return thread;
        });
        CompletionService<Outcome> done = new ExecutorCompletionService<>(readers);
        Map<Future<Outcome>, Task> inFlight = new HashMap<>();
        List<Task> tasks = new ArrayList<>();
        try {
            int indexed = 0;
            int next = 0;
            progress.documents(0, work.size());
            while (next < work.size() || !inFlight.isEmpty()) {
                // Documents are taken as they finish, not in order, so a slow one never idles the other reader;
                // two waiting beyond the two being read keep both busy and memory bounded.
                while (next < work.size() && inFlight.size() < 4) {
                    Task task = new Task(work.get(next++));
                    tasks.add(task);
                    task.future = done.submit(() -> task.run(this));
                    inFlight.put(task.future, task);
                }
                if (cancelled.getAsBoolean()) {
                    // What is being written is finished (an interrupted write would close the writer); the rest stops.
                    for (Task task : inFlight.values()) {
                        Result result = task.stop() ? Result.STOPPED : finish(task.future);
                        indexed += result == Result.INDEXED ? 1 : 0;
                        unchanged += result == Result.UNCHANGED ? 1 : 0;
                    }
                    inFlight.clear();
                    writer.commit();
                    searchers.maybeRefreshBlocking();
                    return new UpdateSummary(indexed, unchanged, 0, failed);
                }
                Future<Outcome> finished;
                try {
                    finished = done.poll(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("indexing interrupted", e);
                }
                if (finished == null) {
                    failed += stopOverdue(inFlight, errors);
                    continue;
                }
                Task task = inFlight.remove(finished);
                if (task == null) {
                    continue; // stopped for taking too long: already reported
                }
                Outcome outcome;
                try {
                    outcome = finished.get();
                } catch (ExecutionException e) {
                    outcome = new Outcome(Result.FAILED, task.work.path() + ": " + e.getCause(), null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("indexing interrupted", e);
                }
                if (outcome.writeFailure() != null) {
                    throw outcome.writeFailure();
                }
                switch (outcome.result()) {
                    case INDEXED -> indexed++;
                    case UNCHANGED -> unchanged++;
                    default -> {
                        errors.accept(task.work.contract().id() + ": " + outcome.error());
                        failed++;
                    }
                }
                progress.documents(next - inFlight.size(), work.size());
            }
            int removed = 0;
            for (String docId : storedHashes.keySet()) {
                if (!attached.contains(docId)) {
                    writer.deleteDocuments(new Term("docId", docId));
                    removed++;
                }
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
            // After the commit: until then, the last commit may still hold documents whose text is kept. The text of
            // every attached document read is kept, whatever became of it: one that failed to index or took too long
            // is read again next time, and its text should not have to be extracted again.
            Set<String> contents = new HashSet<>();
            tasks.stream().map(task -> task.hash).filter(java.util.Objects::nonNull).forEach(contents::add);
            texts.retain(contents);
            return new UpdateSummary(indexed, unchanged, removed, failed);
        } finally {
            inFlight.values().forEach(Task::stop);
            // Not shutdownNow: it would interrupt a reader inside the IndexWriter.
            readers.shutdown();
        }
    }

    /** A document to bring up to date; {@code storedHash} is null when the index does not have it. */
    /** {@code relabel}: the index holds the document under another vendor or contract status than its contract's now. */
    private record Work(String docId, Contract contract, String path, Path file, long size, String storedHash,
            String storedError, boolean relabel) {
    }

    private enum Result {
        INDEXED, UNCHANGED, FAILED, STOPPED
    }

    /** What became of a document; {@code writeFailure} when the index itself could not be written. */
    private record Outcome(Result result, String error, IOException writeFailure) {
    }

    /**
     * One document's way through a reader: waiting, reading (which the time limit or a cancel may stop by
     * interrupting it), then writing, which is never interrupted: Lucene closes a writer whose file I/O
     * was interrupted.
     */
    private static final class Task {
        private static final int WAITING = 0;
        private static final int READING = 1;
        private static final int WRITING = 2;
        private static final int STOPPED = 3;

        final Work work;
        final long timeout = timeoutSeconds();
        final java.util.concurrent.atomic.AtomicInteger state = new java.util.concurrent.atomic.AtomicInteger(WAITING);
        volatile long readingSince;
        volatile Future<Outcome> future;
        /** The content hash, once read. */
        volatile String hash;

        Task(Work work) {
            this.work = work;
        }

        Outcome run(DocumentIndex index) {
            if (!state.compareAndSet(WAITING, READING)) {
                return new Outcome(Result.STOPPED, null, null);
            }
            readingSince = System.nanoTime();
            List<Document> entries;
            String failure = null;
            try {
                String hash = sha256(work.file());
                this.hash = hash;
                if (hash.equals(work.storedHash())) {
                    // A file that could not be read is not read again until it changes (or the extractor does); its
                    // error is told again, so that no one takes its clauses for missing.
                    if (work.storedError() != null) {
                        return new Outcome(Result.FAILED, work.storedError(), null);
                    }
                    if (!work.relabel()) {
                        return new Outcome(Result.UNCHANGED, null, null);
                    }
                    // The same content, but its contract changed vendor or status (renewed, expired, edited): its
                    // entries are written again, or searches by status and their facets would go by the old one.
                }
                // A TXT file is read again as fast as its kept text would be: only PDF and DOCX text is kept.
                boolean kept = TextCache.worthKeeping(work.file());
                DocumentText text = kept ? index.texts.get(hash).orElse(null) : null;
                if (text == null) {
                    text = TextExtractor.extract(work.file(), TextExtractor.Limits.DEFAULT);
                    // Kept only when the file still has the content hashed before it was extracted: saved in between,
                    // its new text would be kept under the old content's hash.
                    if (kept && hash.equals(sha256(work.file()))) {
                        index.texts.put(hash, text);
                    }
                }
                entries = index.entries(work.docId(), work.contract(), work.path(), hash, text);
            } catch (ExtractionException e) {
                // What the content gives every time (damaged, encrypted, too large) is noted under its hash.
                failure = e.getMessage();
                entries = List.of(index.unreadable(work, hash, failure));
            } catch (IOException | RuntimeException e) {
                return new Outcome(Result.FAILED, work.path() + ": " + e, null);
            }
            if (!state.compareAndSet(READING, WRITING)) {
                return new Outcome(Result.STOPPED, null, null);
            }
            try {
                // Replace every entry of the document at once, so a reader never sees half of an update.
                index.writer.updateDocuments(new Term("docId", work.docId()), entries);
                return failure == null ? new Outcome(Result.INDEXED, null, null) : new Outcome(Result.FAILED, failure, null);
            } catch (IOException e) {
                return new Outcome(Result.FAILED, null, e);
            } catch (IllegalArgumentException e) {
                // A document Lucene refuses (e.g. an immense term) is left out; the writer goes on.
                return new Outcome(Result.FAILED, work.path() + ": " + e.getMessage(), null);
            }
        }

        /** Stops the task unless it is writing or done; true when it was stopped. */
        boolean stop() {
            for (int s = state.get(); s == WAITING || s == READING; s = state.get()) {
                if (state.compareAndSet(s, STOPPED)) {
                    future.cancel(true);
                    return true;
                }
            }
            return false;
        }

        boolean overdue(long now) {
            return state.get() == READING && now - readingSince > TimeUnit.SECONDS.toNanos(timeout);
        }
    }

    /** Waits for a task that is writing or done. */
    private static Result finish(Future<Outcome> future) throws IOException {
        try {
            Outcome outcome = future.get();
            if (outcome.writeFailure() != null) {
                throw outcome.writeFailure();
            }
            return outcome.result();
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            return Result.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("indexing interrupted", e);
        }
    }

    /** Stops the documents read for longer than the time limit; returns how many. */
    private int stopOverdue(Map<Future<Outcome>, Task> inFlight, Consumer<String> errors) throws IOException {
        int stopped = 0;
        long now = System.nanoTime();
        for (var it = inFlight.values().iterator(); it.hasNext();) {
            Task task = it.next();
            if (task.overdue(now) && task.stop()) {
                it.remove();
                String error = task.work.path() + ": took longer than " + task.timeout + " s to read; skipped";
                errors.accept(task.work.contract().id() + ": " + error);
                stopped++;
                if (task.hash != null) {
                    // Noted, so that each later update does not spend the time limit on it again; tried again after a
                    // day (the machine may have been busy) or once the file changes.
                    Document entry = unreadable(task.work, task.hash, error + " (tried again after a day, or when it changes)");
                    entry.add(new StoredField("timedOut", System.currentTimeMillis()));
                    writer.updateDocuments(new Term("docId", task.work.docId()), List.of(entry));
                }
            }
        }
        return stopped;
    }

    /** The index entries of one document: the document, its passages and its clause detections. */
    private List<Document> entries(String docId, Contract contract, String path, String hash, DocumentText text) {
        List<Document> entries = new ArrayList<>();
        Document document = base("document", docId, contract, path);
        document.add(new StringField("hash", hash, Field.Store.YES));
        entries.add(document);
        var detections = detector.detect(text.text());
        List<Passages.Passage> passages = Passages.of(text);
        List<List<String>> clauses = clausesOf(passages, detections);
        for (int p = 0; p < passages.size(); p++) {
            Passages.Passage passage = passages.get(p);
            Document entry = base("passage", docId, contract, path);
            String passageText = text.text().substring(passage.start(), passage.end());
            entry.add(new Field("text", passageText, PASSAGE_TEXT));
            // After the text: it holds the words noted while the text was analysed (see WrittenWords).
            entry.add(WrittenWords.field(EXACT, EXACT_TEXT));
            text.pageAt(passage.start()).ifPresent(page -> entry.add(new IntField("page", page, Field.Store.YES)));
            text.sectionAt(passage.start()).ifPresent(section -> entry.add(new StoredField("section", section)));
            entry.add(new StoredField("start", passage.start()));
            entry.add(new NumericDocValuesField("order", tieOrder(docId, passage.start())));
            for (String clause : clauses.get(p)) {
                entry.add(new KeywordField("clause", clause, Field.Store.YES));
            }
            entries.add(entry);
        }
        for (var detection : detections) {
            if (!detection.present()) {
                continue;
            }
            Document entry = base("detection", docId, contract, path);
            entry.add(new KeywordField("clause", detection.category(), Field.Store.YES));
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

    /**
     * The clause types whose evidence overlaps each passage, in the order of the detections: each evidence span
     * looks up the passages it overlaps (passages are in text order and do not overlap) instead of every
     * passage asking every detection.
     */
    static List<List<String>> clausesOf(List<Passages.Passage> passages, List<org.civicsla.index.clauses.ClauseDetection> detections) {
        List<List<String>> clauses = new ArrayList<>(passages.size());
        for (int p = 0; p < passages.size(); p++) {
            clauses.add(new ArrayList<>(2));
        }
        for (var detection : detections) {
            if (!detection.present()) {
                continue;
            }
            for (ClauseSpan span : detection.evidence()) {
                // The first passage that ends after the span starts.
                int low = 0;
                int high = passages.size();
                while (low < high) {
                    int middle = (low + high) >>> 1;
                    if (passages.get(middle).end() > span.start()) {
                        high = middle;
                    } else {
                        low = middle + 1;
                    }
                }
                for (int p = low; p < passages.size() && passages.get(p).start() < span.end(); p++) {
                    List<String> of = clauses.get(p);
                    if (of.isEmpty() || !of.get(of.size() - 1).equals(detection.category())) {
                        of.add(detection.category());
                    }
                }
            }
        }
        return clauses;
    }

    /**
     * The parser's complaint in a searcher's words. Its own ("Lexical error at line 1, column 9. Encountered: <EOF>
     * after prefix ... (in lexical state 2)", "Was expecting one of: <NOT> ...") speak of its grammar; ours (an
     * unknown field) are kept as they are.
     */
    static String plain(ParseException e, String query) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String first = message.lines().findFirst().orElse("");
        if (message.contains("<EOF>") && query.stripTrailing().endsWith("^")) {
            return "a boost (^) needs its number, as in incident^2";
        }
        if (first.contains("Lexical error") && message.contains("<EOF>")) {
            return query.chars().filter(c -> c == '"').count() % 2 == 1 ? "a quotation mark is not closed"
                    : query.stripTrailing().endsWith("\\") ? "it ends with a backslash" : "it ends in the middle of a word";
        }
        if (first.contains("'*' or '?' not allowed as first character")) {
            return "a word cannot start with * or ?";
        }
        if (first.contains("Encountered \"<EOF>\"") || first.contains("Encountered: <EOF>")) {
            return "it ends too early: a word is missing after AND, OR, NOT, a field name or an opening parenthesis";
        }
        if (first.contains("Encountered \" \")\"") || first.contains("Encountered \")\"")) {
            return "a closing parenthesis has no opening one";
        }
        // 'Encountered " <OR> "OR "" at line 1, column 7.': the word where a search word should be, counted from 1.
        java.util.regex.Matcher token = UNEXPECTED.matcher(first);
        if (token.find()) {
            return "'" + token.group(1).strip() + "' at character " + (Integer.parseInt(token.group(2)) + 1)
                    + " stands where a search word should be";
        }
        return first.replaceFirst("^Cannot parse '.*?': ", "");
    }

    private static final java.util.regex.Pattern UNEXPECTED = java.util.regex.Pattern.compile(
            "Encountered \"\\s*(?:<[^>]+>\\s*)?\"?(.*?)\"?\"\\s+at line \\d+, column (\\d+)");

    /**
     * Where a passage stands among equal scores: its document (by a hash of the document's id, the same in
     * every index of it) in the high half, its offset in the low half.
     */
    static long tieOrder(String docId, int start) {
        return ((long) docId.hashCode() << 32) | (start & 0xFFFF_FFFFL);
    }

    private static Document base(String type, String docId, Contract contract, String path) {
        Document document = new Document();
        // Passages and detections, the bulk of the index, store only what a search or a check shows of them.
        Field.Store onlyDocuments = type.equals("document") ? Field.Store.YES : Field.Store.NO;
        document.add(new StringField("type", type, onlyDocuments));
        document.add(new StringField("docId", docId, onlyDocuments));
        // Keyword fields have doc values: searches count the facets (vendor, status, clause) of all matches
        // and order equal scores by path from them.
        document.add(new KeywordField("vendor", contract.vendorId(), Field.Store.YES));
        document.add(new StringField("contract", contract.id(), Field.Store.YES));
        document.add(new KeywordField("status", status(contract), onlyDocuments));
        document.add(new KeywordField("path", path, Field.Store.YES));
        return document;
    }

    /**
     * What the index holds of a document: its content hash, why it could not be read (if it could not), and the vendor
     * and contract status its entries were written with.
     */
    private record Stored(String hash, String error, String vendor, String status) {

        /** Whether the entries carry {@code contract}'s vendor and status as they are now. */
        boolean labels(Contract contract) {
            return contract.vendorId().equals(vendor) && DocumentIndex.status(contract).equals(status);
        }
    }

    private static String status(Contract contract) {
        return contract.status().name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The stored documents by id. A document noted as unreadable by another version of the extractor counts as
     * not stored: it is read again, as a newer PDFBox or POI may read it.
     */
    private Map<String, Stored> storedHashes() throws IOException {
        Map<String, Stored> hashes = new HashMap<>();
        searchers.maybeRefreshBlocking();
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs docs = searcher.search(new TermQuery(new Term("type", "document")),
                    Math.max(1, searcher.getIndexReader().maxDoc()));
            var stored = searcher.storedFields();
            for (ScoreDoc hit : docs.scoreDocs) {
                Document document = stored.document(hit.doc, STORED_FIELDS);
                String error = document.get("error");
                var timedOut = document.getField("timedOut");
                boolean retry = timedOut != null
                        && System.currentTimeMillis() - timedOut.numericValue().longValue() > TimeUnit.DAYS.toMillis(1);
                if (error == null || TextExtractor.version().equals(document.get("extractor")) && !retry) {
                    hashes.put(document.get("docId"), new Stored(document.get("hash"), error, document.get("vendor"),
                            document.get("status")));
                }
            }
        } finally {
            searchers.release(searcher);
        }
        return hashes;
    }

    private static final Set<String> STORED_FIELDS = Set.of("docId", "hash", "error", "extractor", "timedOut", "vendor", "status");

    /** The entry of a document that could not be read: no passages, the reason, and the extractor that gave it. */
    private Document unreadable(Work work, String hash, String error) {
        Document document = base("document", work.docId(), work.contract(), work.path());
        document.add(new StringField("hash", hash, Field.Store.YES));
        document.add(new StoredField("error", error));
        document.add(new StoredField("extractor", TextExtractor.version()));
        return document;
    }

    @Override
    public Optional<String> unread(String contractId, String path) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs docs = searcher.search(new BooleanQuery.Builder()
                        .add(new TermQuery(new Term("type", "document")), BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term("docId", contractId + "/" + path)), BooleanClause.Occur.FILTER).build(), 1);
                if (docs.scoreDocs.length == 0) {
                    return Optional.of("not read: missing, outside the workspace, or not indexed yet");
                }
                String error = searcher.storedFields().document(docs.scoreDocs[0].doc, Set.of("error")).get("error");
                // The reason without the file's name the message opens with: the caller names the document.
                String name = Path.of(path).getFileName() + ": ";
                String whole = path + ": ";
                return Optional.ofNullable(error).map(e -> e.startsWith(name) ? e.substring(name.length())
                        : e.startsWith(whole) ? e.substring(whole.length()) : e);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the document index " + folder, e);
        }
    }

    @Override
    public boolean detects(String clauseType) {
        return detector.taxonomy().types().stream().anyMatch(type -> type.name().equals(clauseType));
    }

    @Override
    public List<ClauseHit> find(String contractId, String clauseType) {
        BooleanQuery query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term("type", "detection")), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term("contract", contractId)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term("clause", clauseType)), BooleanClause.Occur.FILTER).build();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return hits(searcher, query, contractId, clauseType);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the document index " + folder, e);
        }
    }

    private static List<ClauseHit> hits(IndexSearcher searcher, Query query, String contractId, String clauseType)
            throws IOException {
        {
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
        }
    }

    /**
     * Searches the passages. The query uses Lucene's classic syntax: words, "phrases", wildcards
     * (secur*), fuzzy words (indemnity~), and fields: {@code vendor:V-001}, {@code contract:C-012},
     * {@code clause:"Breach Notification"}, {@code status:active}.
     *
     * @throws IllegalArgumentException with a readable message when the query cannot be parsed
     */
    public SearchResult search(String queryText, int limit) throws IOException {
        return search(queryText, limit, Facets.COUNT);
    }

    /** Whether a search counts the facets (vendor, status, clause) of all its matches. */
    public enum Facets {
        /** Counted over every match, as the search part and the command line show them. */
        COUNT,
        /** Not counted (the result has none): the best hits and the number of matches only. */
        SKIP
    }

    /**
     * Searches the passages as {@link #search(String, int)} does; with {@link Facets#SKIP} the facets are not
     * counted, for callers that show none.
     */
    public SearchResult search(String queryText, int limit, Facets facets) throws IOException {
        return search(queryText, limit, facets, List.of());
    }

    /**
     * Searches the passages as {@link #search(String, int, Facets)} does, where {@code vendor:} also takes the name of
     * one of {@code vendors} ({@code vendor:"Lumen Streetlights"}, in any case): the index holds vendors by id, and
     * a procurement officer knows them by name.
     */
    public SearchResult search(String queryText, int limit, Facets facets, List<org.civicsla.core.model.Vendor> vendors)
            throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            Query parsed;
            try {
                QueryParser parser = new PassageQueryParser(analyzer, searcher.getIndexReader(),
                        detector.taxonomy().types().stream().map(ClauseType::name).toList(), vendors);
                parsed = parser.parse(queryText);
            } catch (ParseException e) {
                throw new IllegalArgumentException("cannot understand the query '" + queryText + "': " + plain(e, queryText), e);
            }
            Query query = new BooleanQuery.Builder().add(new TermQuery(new Term("type", "passage")), BooleanClause.Occur.FILTER)
                    .add(parsed, BooleanClause.Occur.MUST).build();
            // One pass over all matches: the best hits, and the facets of every match, not only of the best.
            var best = new TopFieldCollectorManager(ORDER, Math.max(limit, 1), null, Integer.MAX_VALUE);
            TopDocs top;
            FacetCounts.Counts counted;
            if (facets == Facets.COUNT) {
                var collected = searcher.search(query, new MultiCollectorManager(best, new FacetCounts(facetNames)));
                top = (TopDocs) collected[0];
                counted = (FacetCounts.Counts) collected[1];
            } else {
                top = searcher.search(query, best);
                counted = new FacetCounts.Counts(top.totalHits.value(), Map.of());
            }
            // Each hit's stored fields are read once, in index order, and the highlighter is handed their text:
            // decompressing stored fields is most of a search's cost.
            Map<Integer, Document> loaded = new HashMap<>();
            StoredFields stored = searcher.storedFields();
            for (int doc : java.util.Arrays.stream(top.scoreDocs).mapToInt(hit -> hit.doc).sorted().toArray()) {
                loaded.put(doc, stored.document(doc, HIT_FIELDS));
            }
            // Highlighted with the user's query alone: the passage filter has nothing to mark in the text, and
            // the highlighter would match it again in every hit.
            String[] snippets = new PassageHighlighter(searcher, analyzer, loaded).highlight("text", parsed, top, 2);
            List<SearchResult.Hit> hits = new ArrayList<>();
            for (int i = 0; i < top.scoreDocs.length; i++) {
                Document d = loaded.get(top.scoreDocs[i].doc);
                var page = d.getField("page");
                List<String> clauses = List.of(d.getValues("clause"));
                int start = d.getField("start").numericValue().intValue();
                hits.add(new SearchResult.Hit(d.get("vendor"), d.get("contract"), d.get("path"),
                        page == null ? OptionalInt.empty() : OptionalInt.of(page.numericValue().intValue()),
                        Optional.ofNullable(d.get("section")), snippet(snippets[i], d.get("text")), clauses, (Float) ((FieldDoc) top.scoreDocs[i]).fields[0],
                        start, start + d.get("text").length()));
            }
            return new SearchResult(counted.matches(), hits, counted.facets());
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * Lucene's classic query syntax over the passage text, where words and phrases search the stemmed text
     * ({@code terminate} finds "termination", {@code "security incident"} finds "security incidents" too) and
     * wildcards, prefixes, fuzzy words and regular expressions search the words as written as well as the
     * stems: {@code terminat*} finds "termination" (written so in {@value #EXACT}, whose stem "termin" it
     * would miss), {@code agreem*} finds "agreement" (its own stem, in the stems only).
     */
    private static final class PassageQueryParser extends QueryParser {
        /** The fields a user may name; the others are the index's own. */
        private static final Set<String> FIELDS = Set.of("text", "vendor", "contract", "clause", "status");
        /** Named values, matched whatever their case and spacing: {@code status:Active}, {@code clause:"breach notification"}. */
        private static final Set<String> NAMES = Set.of("vendor", "contract", "clause", "status");

        private final IndexReader reader;
        /** The clause types the index detects: a {@code clause:} value that is none of them is a mistake, not "none found". */
        private final List<String> clauseTypes;
        /** Vendor ids by their names as {@link #normalName} writes them. */
        private final Map<String, String> vendorIds = new HashMap<>();

        PassageQueryParser(Analyzer analyzer, IndexReader reader, List<String> clauseTypes,
                List<org.civicsla.core.model.Vendor> vendors) {
            super("text", analyzer);
            this.reader = reader;
            this.clauseTypes = clauseTypes;
            vendors.forEach(vendor -> vendorIds.putIfAbsent(normalName(vendor.name()), vendor.id()));
            setAllowLeadingWildcard(false);
            // A word the analyzer splits ("seventy-two", "24x7", "e-mail") is the phrase of its parts, as written;
            // otherwise its parts were ORed and "seventy-two" found every "two".
            setSplitOnWhitespace(true); // the words of a query one by one: Lucene allows phrases of a split word only so
            setAutoGeneratePhraseQueries(true);
            // Every word and field a person types narrows the search, as in a web search: 'vendor:"Lumen" seventy-two'
            // is Lumen's passages that say it, not every passage saying it; OR is written out.
            setDefaultOperator(QueryParser.Operator.AND);
        }

        /** The field as the index names it: a user's field in any case ({@code STATUS:active}, as values are). */
        private static String field(String field) throws ParseException {
            if (EXACT.equals(field)) {
                return field;
            }
            String named = field.toLowerCase(java.util.Locale.ROOT);
            if (!FIELDS.contains(named)) {
                // Lucene would search a field no passage has and find nothing, which reads as "no such clause".
                throw new ParseException("there is no field '" + field + "'; search words and phrases, or vendor:, contract:,"
                        + " clause:, status:");
            }
            return named;
        }

        /**
         * The value as the index holds it: the one of that field equal to {@code value} but for case and spacing,
         * or {@code value} itself. An exact match is looked up first, so a query as the index spells it costs nothing.
         */
        private String named(String field, String value) throws ParseException {
            try {
                if (reader.docFreq(new Term(field, value)) > 0) {
                    return value;
                }
            } catch (IOException e) {
                throw new ParseException("cannot read the index: " + e.getMessage());
            }
            String wanted = normalName(value);
            return values(field).stream().filter(name -> normalName(name).equals(wanted)).findFirst()
                    .orElseGet(() -> "vendor".equals(field) ? vendorIds.getOrDefault(wanted, value) : value);
        }

        /** The values the index holds in {@code field}, in order. */
        private java.util.SortedSet<String> values(String field) throws ParseException {
            java.util.SortedSet<String> names = new java.util.TreeSet<>();
            try {
                for (LeafReaderContext leaf : reader.leaves()) {
                    var terms = leaf.reader().terms(field);
                    if (terms == null) {
                        continue;
                    }
                    var values = terms.iterator();
                    for (var term = values.next(); term != null; term = values.next()) {
                        names.add(term.utf8ToString());
                    }
                }
            } catch (IOException e) {
                throw new ParseException("cannot read the index: " + e.getMessage());
            }
            return names;
        }

        private static String normalName(String name) {
            return String.join(" ", name.strip().toLowerCase(java.util.Locale.ROOT).split("\\s+"));
        }

        private interface Make {
            Query make(String field) throws ParseException;
        }

        /** On the passage text: the words as written or the stems, whichever matches, scored as the better. */
        private static Query writtenOrStemmed(String field, Make query) throws ParseException {
            if (!"text".equals(field(field))) {
                return query.make(field(field));
            }
            return new DisjunctionMaxQuery(List.of(query.make(EXACT), query.make("text")), 0f);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            String named = field(field);
            refuseUnknown(named, queryText);
            if (NAMES.contains(named)) {
                return new TermQuery(new Term(named, named(named, queryText)));
            }
            // The words as written have no positions: a phrase asked of them is a phrase of the stemmed text.
            return super.getFieldQuery(quoted && EXACT.equals(named) ? "text" : named, queryText, quoted);
        }

        /**
         * A clause type or contract status that does not exist is a mistake to be told, with the values there are, not
         * a search that finds nothing. (Vendors and contracts may have no passage yet: those are not checked.)
         */
        private void refuseUnknown(String field, String value) throws ParseException {
            String wanted = normalName(value);
            if ("clause".equals(field) && clauseTypes.stream().noneMatch(type -> normalName(type).equals(wanted))) {
                // clause:Breach Notification (the quotes lost, often to a shell) asks for the type "Breach".
                Optional<String> longer = clauseTypes.stream().filter(type -> normalName(type).startsWith(wanted + " ")).findFirst();
                throw new ParseException("'" + value + "' is no clause type; " + longer.map(type -> "a name of several words"
                        + " goes in quotes: clause:\"" + type + "\" (on a command line, the whole query in single quotes)")
                        .orElse("clause types are " + String.join(", ", clauseTypes)));
            }
            List<String> statuses = java.util.Arrays.stream(org.civicsla.core.model.ContractStatus.values())
                    .map(status -> status.name().toLowerCase(java.util.Locale.ROOT)).toList();
            if ("status".equals(field) && !statuses.contains(wanted)) {
                throw new ParseException("'" + value + "' is no contract status; statuses are " + String.join(", ", statuses));
            }
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
                throws ParseException {
            return super.getRangeQuery(field(field), part1, part2, startInclusive, endInclusive);
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            String named = field(field);
            if (NAMES.contains(named)) {
                return namedMatching(named, termStr);
            }
            return writtenOrStemmed(field, f -> super.getWildcardQuery(f, termStr));
        }

        /**
         * A wildcard or prefix on a named field ({@code clause:audit*}, {@code vendor:v-00?}): the field's values that
         * match it whatever their case, as a value without a wildcard matches. A field has few values (vendors,
         * contracts, clause types, statuses), so they are read and matched here.
         */
        private Query namedMatching(String field, String wildcard) throws ParseException {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < wildcard.length(); i++) {
                char c = wildcard.charAt(i);
                if (c == '\\' && i + 1 < wildcard.length()) {
                    regex.append(java.util.regex.Pattern.quote(String.valueOf(wildcard.charAt(++i))));
                } else if (c == '*') {
                    regex.append(".*");
                } else if (c == '?') {
                    regex.append('.');
                } else {
                    regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
                }
            }
            java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex.toString(),
                    java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE | java.util.regex.Pattern.DOTALL);
            List<org.apache.lucene.util.BytesRef> matching = values(field).stream().filter(name -> pattern.matcher(name).matches())
                    .map(org.apache.lucene.util.BytesRef::new).toList();
            return new org.apache.lucene.search.TermInSetQuery(field, matching);
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            String named = field(field);
            if (NAMES.contains(named)) {
                return namedMatching(named, termStr.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?") + "*");
            }
            return writtenOrStemmed(field, f -> super.getPrefixQuery(f, termStr));
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            return writtenOrStemmed(field, f -> super.getFuzzyQuery(f, termStr, minSimilarity));
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            return writtenOrStemmed(field, f -> super.getRegexpQuery(f, termStr));
        }
    }

    /** Most characters of a passage shown when nothing in it is highlighted. */
    private static final int LEAD = 300;

    /**
     * The highlighted snippet on one line; when the query marks nothing in the passage's text (a search by
     * clause type, contract or vendor alone) the passage's opening {@value #LEAD} characters instead: the
     * highlighter's fallback, its first sentence, was mostly the clause's heading alone ("4. SECURITY INCIDENTS.").
     */
    static String snippet(String highlighted, String passage) {
        if (highlighted != null && highlighted.indexOf('‹') >= 0) {
            return oneLine(highlighted);
        }
        String text = oneLine(passage == null ? "" : passage);
        if (text.length() <= LEAD) {
            return text;
        }
        int space = text.lastIndexOf(' ', LEAD);
        return text.substring(0, space > LEAD / 2 ? space : LEAD) + "…";
    }

    /**
     * The snippet on one line: runs of whitespace (line ends of the extracted text) become one space. Over char
     * arrays: appending char by char to a StringBuilder was a sixth of a search's time.
     */
    static String oneLine(String snippet) {
        char[] in = snippet.toCharArray();
        char[] line = new char[in.length]; // a space is written only for whitespace read, so it never overruns
        int length = 0;
        boolean space = false;
        for (char c : in) {
            if ((c <= ' ' || c >= 128) && Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && length > 0) {
                    line[length++] = ' ';
                }
                space = false;
                line[length++] = c;
            }
        }
        return new String(line, 0, length);
    }

    /**
     * Highlights passage text from the offsets in the postings, for wildcards too (the stock highlighter
     * re-analyses every hit when a query has one), and takes the text from the stored fields the search
     * already read instead of reading them again.
     */
    private static final class PassageHighlighter extends UnifiedHighlighter {
        private final Map<Integer, Document> loaded;

        PassageHighlighter(IndexSearcher searcher, Analyzer analyzer, Map<Integer, Document> loaded) {
            super(UnifiedHighlighter.builder(searcher, analyzer).withFormatter(new DefaultPassageFormatter("‹", "›", "…", false))
                    .withMaxLength(100_000).withScorer(new PassageScores()));
            this.loaded = loaded;
        }

        /**
         * Marks in the passage text the matches in the text and in the unstemmed copy of it (the same text:
         * wildcards, phrases). The stock way, masked fields, makes one strategy per field, each of which builds
         * a searcher, rewrites the query and weighs it again for every hit (half of a search's time): here the
         * query is weighed once per search and each hit's matches are taken once for both fields.
         */
        @Override
        protected FieldHighlighter getFieldHighlighter(String field, Query query, Set<Term> allTerms, int maxPassages) {
            UHComponents components = getHighlightComponents(field, query, allTerms);
            return newFieldHighlighter(field, new HitMatches(components, searcher, List.of(EXACT, field)),
                    new org.apache.lucene.search.uhighlight.SplittingBreakIterator(getBreakIterator(field),
                            UnifiedHighlighter.MULTIVAL_SEP_CHAR),
                    getScorer(field), maxPassages, getMaxNoHighlightPassages(field), getFormatter(field),
                    getPassageSortComparator(field));
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, org.apache.lucene.search.DocIdSetIterator docs,
                int cacheCharsThreshold) throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docs.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                Document document = loaded.get(doc);
                CharSequence[] perField = new CharSequence[fields.length];
                for (int f = 0; f < fields.length; f++) {
                    String value = document == null ? null : document.get(fields[f]);
                    perField[f] = value == null ? "" : value;
                }
                values.add(perField);
            }
            return values;
        }
    }

    /**
     * The offsets of a hit's matches in some fields, from the postings (the fields have offsets there), by one
     * weight of the query made for all the hits of a search. Matches in several fields are merged in offset
     * order, as the stock highlighter merges its per-field strategies (the fields in the same order).
     */
    private static final class HitMatches extends FieldOffsetStrategy {
        private final IndexSearcher searcher;
        private final List<String> fields;
        private org.apache.lucene.search.Weight weight;

        HitMatches(UHComponents components, IndexSearcher searcher, List<String> fields) {
            super(components);
            this.searcher = searcher;
            this.fields = fields;
        }

        @Override
        public UnifiedHighlighter.OffsetSource getOffsetSource() {
            return UnifiedHighlighter.OffsetSource.POSTINGS;
        }

        @Override
        public OffsetsEnum getOffsetsEnum(org.apache.lucene.index.LeafReader reader, int docId, String content)
                throws IOException {
            LeafReaderContext leaf = null;
            for (LeafReaderContext context : searcher.getIndexReader().leaves()) {
                if (context.reader() == reader) {
                    leaf = context;
                    break;
                }
            }
            org.apache.lucene.search.Matches matches;
            if (leaf == null) {
                // Not a segment of the searcher's reader (the highlighter passes those): weigh the query on it alone.
                IndexSearcher alone = new IndexSearcher(reader);
                alone.setQueryCache(null);
                matches = alone.createWeight(alone.rewrite(components.query()), ScoreMode.COMPLETE_NO_SCORES, 1f)
                        .matches(reader.getContext(), docId);
            } else {
                if (weight == null) {
                    weight = searcher.createWeight(searcher.rewrite(components.query()), ScoreMode.COMPLETE_NO_SCORES, 1f);
                }
                matches = weight.matches(leaf, docId);
            }
            if (matches == null) {
                return OffsetsEnum.EMPTY;
            }
            List<OffsetsEnum> enums = new ArrayList<>(fields.size());
            for (String field : fields) {
                org.apache.lucene.search.MatchesIterator iterator = matches.getMatches(field);
                if (iterator != null) {
                    enums.add(new OffsetsEnum.OfMatchesIteratorWithSubs(iterator));
                }
            }
            return new OffsetsEnum.MultiOffsetsEnum(enums);
        }
    }

    /**
     * Lucene's passage score (BM25 of the passage's matches), counting the distinct matched terms in a small
     * array: the stock scorer builds a hash with a 32 KB block for every passage it scores, a tenth of a
     * search's time. The terms are summed in the order they first match, as the stock scorer sums them, so the
     * scores are the same to the bit.
     */
    static final class PassageScores extends PassageScorer {
        @Override
        public float score(Passage passage, int contentLength) {
            int matches = passage.getNumMatches();
            org.apache.lucene.util.BytesRef[] terms = passage.getMatchTerms();
            int[] inDocument = passage.getMatchTermFreqsInDoc();
            org.apache.lucene.util.BytesRef[] distinct = new org.apache.lucene.util.BytesRef[matches];
            int[] freqInPassage = new int[matches];
            int[] freqInDocument = new int[matches];
            int count = 0;
            for (int i = 0; i < matches; i++) {
                int t = 0;
                while (t < count && !distinct[t].bytesEquals(terms[i])) {
                    t++;
                }
                if (t == count) {
                    distinct[count] = terms[i];
                    freqInDocument[count] = inDocument[i];
                    count++;
                }
                freqInPassage[t]++;
            }
            double score = 0d;
            for (int t = 0; t < count; t++) {
                score += tf(freqInPassage[t], passage.getLength()) * weight(contentLength, freqInDocument[t]);
            }
            score *= norm(passage.getStartOffset());
            return (float) score;
        }
    }

    /**
     * Counts every match and its facet values from the doc values, per segment by ordinal, and names the
     * ordinals once per segment: a search for a common word counts thousands of passages this way.
     */
    private static final class FacetCounts implements CollectorManager<FacetCounts.Counter, FacetCounts.Counts> {
        private static final String[] FACETS = { "vendor", "status", "clause" };

        record Counts(long matches, Map<String, Map<String, Integer>> facets) {
        }

        private final Map<IndexReader.CacheKey, String[][]> names;

        FacetCounts(Map<IndexReader.CacheKey, String[][]> names) {
            this.names = names;
        }

        @Override
        public Counter newCollector() {
            return new Counter();
        }

        @Override
        public Counts reduce(java.util.Collection<Counter> counters) {
            long matches = 0;
            Map<String, Map<String, Integer>> facets = new TreeMap<>();
            for (Counter counter : counters) {
                matches += counter.matches;
                for (int f = 0; f < FACETS.length; f++) {
                    String facet = FACETS[f];
                    counter.counts[f].forEach((value, n) -> facets.computeIfAbsent(facet, k -> new TreeMap<>())
                            .merge(value, n[0], Integer::sum));
                }
            }
            return new Counts(matches, facets);
        }

        /** The names of a segment's facet values by ordinal, filled in as ordinals are first counted. */
        private String[][] namesOf(LeafReaderContext context, SortedSetDocValues[] values) {
            IndexReader.CacheHelper helper = context.reader().getCoreCacheHelper();
            if (helper == null) {
                return unnamed(values);
            }
            return names.computeIfAbsent(helper.getKey(), key -> {
                helper.addClosedListener(names::remove);
                return unnamed(values);
            });
        }

        private static String[][] unnamed(SortedSetDocValues[] values) {
            String[][] fresh = new String[FACETS.length][];
            for (int f = 0; f < FACETS.length; f++) {
                fresh[f] = new String[Math.toIntExact(values[f].getValueCount())];
            }
            return fresh;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, int[]>[] emptyCounts() {
            Map<String, int[]>[] counts = new Map[FACETS.length];
            for (int f = 0; f < FACETS.length; f++) {
                counts[f] = new HashMap<>();
            }
            return counts;
        }

        final class Counter implements Collector {
            long matches;
            /** Per facet, the count of each value, summed over the segments (sorted once, in {@link #reduce}). */
            final Map<String, int[]>[] counts = emptyCounts();

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }

            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                SortedSetDocValues[] values = new SortedSetDocValues[FACETS.length];
                int[][] perOrdinal = new int[FACETS.length][];
                for (int f = 0; f < FACETS.length; f++) {
                    values[f] = DocValues.getSortedSet(context.reader(), FACETS[f]);
                    perOrdinal[f] = new int[Math.toIntExact(values[f].getValueCount())];
                }
                String[][] named = namesOf(context, values);
                return new LeafCollector() {
                    @Override
                    public void setScorer(Scorable scorer) {
                    }

                    @Override
                    public void collect(int doc) throws IOException {
                        matches++;
                        for (int f = 0; f < FACETS.length; f++) {
                            if (values[f].advanceExact(doc)) {
                                for (int i = values[f].docValueCount(); i > 0; i--) {
                                    perOrdinal[f][(int) values[f].nextOrd()]++;
                                }
                            }
                        }
                    }

                    @Override
                    public void finish() throws IOException {
                        for (int f = 0; f < FACETS.length; f++) {
                            for (int ord = 0; ord < perOrdinal[f].length; ord++) {
                                if (perOrdinal[f][ord] > 0) {
                                    String name = named[f][ord];
                                    if (name == null) {
                                        // Two searches may name the same ordinal at once: both find the same name.
                                        name = values[f].lookupOrd(ord).utf8ToString();
                                        named[f][ord] = name;
                                    }
                                    counts[f].computeIfAbsent(name, k -> new int[1])[0] += perOrdinal[f][ord];
                                }
                            }
                        }
                    }
                };
            }
        }
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
            searchers.close();
            writer.close();
        } finally {
            directory.close();
        }
    }
}
