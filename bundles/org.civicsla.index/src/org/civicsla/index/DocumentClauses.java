package org.civicsla.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.civicsla.index.clauses.ClauseDetection;
import org.civicsla.index.clauses.ClauseDetector;
import org.civicsla.index.clauses.ClauseSpan;
import org.civicsla.index.extract.DocumentText;
import org.civicsla.index.extract.ExtractionException;
import org.civicsla.index.extract.TextExtractor;

/**
 * The clauses of one document: its detections with evidence located on pages. Extraction and
 * detection run on a worker with a time limit, so no file can hang the caller.
 */
public record DocumentClauses(Path file, List<Located> detections) {

    /** A detection whose evidence passages carry page numbers. */
    public record Located(ClauseDetection detection, List<Passage> passages) {
    }

    /**
     * An evidence passage: page (when the format has pages), the heading of its section (where the document has
     * headings), snippet and the words to highlight.
     */
    public record Passage(OptionalInt page, Optional<String> section, String snippet, List<String> terms) {
    }

    public DocumentClauses {
        detections = List.copyOf(detections);
    }

    /** Extracts and detects {@code file} within {@code timeoutSeconds}. */
    public static DocumentClauses of(Path file, ClauseDetector detector, TextExtractor.Limits limits,
            ExecutorService workers, long timeoutSeconds) throws ExtractionException {
        Future<DocumentClauses> work = workers.submit(() -> analyse(file, detector, limits));
        try {
            return work.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            work.cancel(true);
            throw new ExtractionException(file.getFileName() + ": took longer than " + timeoutSeconds
                    + " s to read; skipped", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ExtractionException extraction) {
                throw extraction;
            }
            throw new ExtractionException(file.getFileName() + ": cannot be read: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            work.cancel(true);
            Thread.currentThread().interrupt();
            throw new ExtractionException(file.getFileName() + ": interrupted", e);
        }
    }

    static DocumentClauses analyse(Path file, ClauseDetector detector, TextExtractor.Limits limits)
            throws ExtractionException {
        DocumentText text = TextExtractor.extract(file, limits);
        List<Located> located = new ArrayList<>();
        for (ClauseDetection detection : detector.detect(text.text())) {
            List<Passage> passages = new ArrayList<>();
            for (ClauseSpan span : detection.evidence()) {
                passages.add(new Passage(text.pageAt(span.start()), text.sectionAt(span.start()), span.snippet(), span.terms()));
            }
            located.add(new Located(detection, passages));
        }
        return new DocumentClauses(file, located);
    }

    /** Values stated for a clause type, e.g. {@code notificationHours=72}; empty when absent. */
    public Map<String, String> values(String category) {
        return detections.stream().filter(l -> l.detection().category().equals(category)).findFirst()
                .map(l -> l.detection().values()).orElse(Map.of());
    }
}
