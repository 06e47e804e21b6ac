package org.civicsla.index;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.civicsla.core.files.FormulaSafety;
import org.civicsla.index.clauses.ClauseDetector;
import org.civicsla.index.extract.ExtractionException;
import org.civicsla.index.extract.TextExtractor;

/**
 * Clause detection over plain files, without a workspace: one CSV row per document and clause type
 * ({@code document,category,present,confidence,evidence}). Files are read two at a time; a file
 * that cannot be read is reported and skipped, the others go on.
 */
public final class ClauseScan {

    /** What a scan did. */
    public record Summary(int documents, int failed) {
    }

    private static final long TIMEOUT_SECONDS = 120;

    private ClauseScan() {
    }

    /**
     * Expands folders into the PDF, DOCX and TXT files they hold (hidden files and folders left out); a folder or
     * file that cannot be listed or read is told to {@code errors} and the others are scanned. A path that does not
     * exist, and a document's name on a link to nothing or on a device, is told and counted in {@code skipped}. Each
     * file is scanned once, however often it is named (a folder twice, a folder and a file in it): twice, its rows
     * would count as two documents.
     */
    static List<Path> documents(List<Path> filesOrFolders, Consumer<String> errors, java.util.concurrent.atomic.AtomicInteger skipped)
            throws IOException {
        List<Path> files = new ArrayList<>();
        java.util.Set<Path> seen = new java.util.HashSet<>();
        for (Path path : filesOrFolders) {
            if (!Files.exists(path)) {
                errors.accept(path + ": does not exist; skipped");
                skipped.incrementAndGet();
                continue;
            }
            if (!Files.isDirectory(path)) {
                if (seen.add(identity(path))) {
                    files.add(path);
                }
                continue;
            }
            List<Path> found = new ArrayList<>();
            // Links followed, as a listing shows them; a loop of links is told as a folder that cannot be read.
            Files.walkFileTree(path, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes attributes) {
                    return !dir.equals(path) && dir.getFileName().toString().startsWith(".")
                            ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attributes) {
                    if (TextExtractor.supports(file) && !file.getFileName().toString().startsWith(".")) {
                        if (attributes.isRegularFile()) {
                            found.add(file);
                        } else if (attributes.isSymbolicLink()) { // links are followed: this one leads nowhere
                            errors.accept(file + ": is a link to a file that does not exist; skipped");
                            skipped.incrementAndGet();
                        } else if (!attributes.isDirectory()) { // a pipe or device named as a document: told, not read
                            errors.accept(file + ": is not a regular file (a device or pipe); skipped");
                            skipped.incrementAndGet();
                        }
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                    errors.accept(file + ": cannot be read: " + (e instanceof java.nio.file.AccessDeniedException
                            ? "permission denied" : e instanceof java.nio.file.FileSystemLoopException ? "a loop of links"
                            : e.getMessage()) + "; skipped");
                    skipped.incrementAndGet(); // counted with the others that could not be read
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
            found.stream().sorted().filter(file -> seen.add(identity(file))).forEach(files::add);
        }
        return files;
    }

    /** The file itself, whatever path named it (relative or not, through a link): what "the same file" means. */
    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    /**
     * "p.7, 9. LIMITATION OF LIABILITY: snippet": where the passage is, then what it says. The section is left out
     * when the snippet opens with it already (a heading on the clause's own line).
     */
    static String evidence(DocumentClauses.Passage passage) {
        List<String> where = new ArrayList<>();
        passage.page().ifPresent(p -> where.add("p." + p));
        passage.section().filter(s -> !SearchResult.opensWith(passage.snippet(), s)).ifPresent(where::add);
        return (where.isEmpty() ? "" : String.join(", ", where) + ": ") + passage.snippet();
    }

    public static Summary scan(List<Path> filesOrFolders, ClauseDetector detector, Writer csv,
            Consumer<String> errors, BooleanSupplier cancelled) throws IOException {
        java.util.concurrent.atomic.AtomicInteger skipped = new java.util.concurrent.atomic.AtomicInteger();
        List<Path> files = documents(filesOrFolders, errors, skipped);
        // The CSV names a document by its file name without extension, as asked of it; files read that share one
        // are told after the scan, so that their rows are not taken for one document's.
        java.util.Map<String, List<Path>> byName = new java.util.TreeMap<>();
        int failed = 0;
        ExecutorService readers = Executors.newFixedThreadPool(2, daemon("civicsla-clause-scan"));
        ExecutorService workers = Executors.newCachedThreadPool(daemon("civicsla-extract"));
        // Not closed: the writer is the caller's (standard output, which must stay open to tell a write error).
        CSVPrinter out = new CSVPrinter(csv, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
        try {
            out.printRecord("document", "category", "present", "confidence", "evidence");
            // Submit all, print in input order: the output does not depend on which thread finished first.
            List<Future<Object>> results = new ArrayList<>();
            for (Path file : files) {
                results.add(readers.submit(() -> {
                    if (cancelled.getAsBoolean()) {
                        return new ExtractionException(file.getFileName() + ": cancelled");
                    }
                    try {
                        return DocumentClauses.of(file, detector, TextExtractor.Limits.DEFAULT, workers, TIMEOUT_SECONDS);
                    } catch (ExtractionException e) {
                        return e;
                    }
                }));
            }
            for (int i = 0; i < files.size(); i++) {
                Object result;
                try {
                    result = results.get(i).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("clause scan interrupted", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    result = new ExtractionException(files.get(i).getFileName() + ": " + e.getCause());
                }
                if (result instanceof ExtractionException error) {
                    failed++;
                    errors.accept(error.getMessage());
                    continue;
                }
                DocumentClauses clauses = (DocumentClauses) result;
                String document = stem(files.get(i));
                byName.computeIfAbsent(document, k -> new ArrayList<>()).add(files.get(i));
                for (DocumentClauses.Located located : clauses.detections()) {
                    String evidence = located.passages().isEmpty() ? "" : evidence(located.passages().get(0));
                    // The document is the file's name as asked of this CSV; the text of the contract and the taxonomy
                    // is kept from running as a formula where the CSV is opened in a spreadsheet.
                    out.printRecord(document, FormulaSafety.toCsv(located.detection().category()),
                            located.detection().present() ? "Yes" : "No",
                            String.format(Locale.ROOT, "%.2f", located.detection().confidence()), FormulaSafety.toCsv(evidence));
                }
            }
        } finally {
            out.flush();
            readers.shutdownNow();
            workers.shutdownNow();
        }
        sharedNames(byName, errors);
        return new Summary(files.size() - failed, failed + skipped.get());
    }

    /** Most names told one by one; more would bury the errors (a folder of each contract as PDF and as TXT). */
    private static final int SHARED_NAMES_TOLD = 3;

    /** Tells the document names that stand for more than one file read, the first few with their files. */
    private static void sharedNames(java.util.Map<String, List<Path>> byName, Consumer<String> errors) {
        List<String> shared = byName.entrySet().stream().filter(e -> e.getValue().size() > 1).map(e -> "note: "
                + e.getValue().size() + " files are document '" + e.getKey() + "' in the CSV: "
                + e.getValue().stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", "))).toList();
        shared.stream().limit(SHARED_NAMES_TOLD).forEach(errors);
        if (shared.size() > SHARED_NAMES_TOLD) {
            errors.accept("note: and " + (shared.size() - SHARED_NAMES_TOLD) + " more document names stand for more"
                    + " than one file each");
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
