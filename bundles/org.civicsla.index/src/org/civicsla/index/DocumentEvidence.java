package org.civicsla.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.civicsla.core.check.ClauseEvidence;
import org.civicsla.core.check.ClauseHit;
import org.civicsla.core.model.Contract;
import org.civicsla.core.model.DocumentRef;
import org.civicsla.core.model.WorkspaceData;
import org.civicsla.index.clauses.ClauseDetector;
import org.civicsla.index.extract.ExtractionException;
import org.civicsla.index.extract.TextExtractor;

/**
 * Clause evidence read from the documents attached to a workspace's contracts: what the checks ask
 * when they need to know whether a contract carries a clause. A document that cannot be read is
 * reported and counts as absent evidence, never as a crash.
 */
public final class DocumentEvidence implements ClauseEvidence {

    private static final long TIMEOUT_SECONDS = 120;

    private final Map<String, List<ClauseHit>> hits;
    private final int documents;

    private DocumentEvidence(Map<String, List<ClauseHit>> hits, int documents) {
        this.hits = hits;
        this.documents = documents;
    }

    /** Reads every attached document (paths relative to {@code workspace}) and detects its clauses. */
    public static DocumentEvidence read(Path workspace, WorkspaceData data, ClauseDetector detector, Consumer<String> errors,
            BooleanSupplier cancelled) {
        Map<String, List<ClauseHit>> hits = new HashMap<>();
        int documents = 0;
        ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "civicsla-evidence");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (Contract contract : data.contracts()) {
                for (DocumentRef ref : contract.documents()) {
                    if (cancelled.getAsBoolean()) {
                        return new DocumentEvidence(hits, documents);
                    }
                    Path file = workspace.resolve(ref.path()).normalize();
                    if (!Files.isRegularFile(file)) {
                        errors.accept(contract.id() + ": document " + ref.path() + " does not exist");
                        continue;
                    }
                    try {
                        DocumentClauses clauses = DocumentClauses.of(file, detector, TextExtractor.Limits.DEFAULT, workers,
                                TIMEOUT_SECONDS);
                        documents++;
                        for (DocumentClauses.Located located : clauses.detections()) {
                            if (!located.detection().present()) {
                                continue;
                            }
                            var first = located.passages().isEmpty() ? null : located.passages().get(0);
                            hits.computeIfAbsent(contract.id() + "\u0000" + located.detection().category(),
                                    k -> new ArrayList<>())
                                    .add(new ClauseHit(contract.id(), located.detection().category(), ref.path(),
                                            first == null ? java.util.OptionalInt.empty() : first.page(),
                                            first == null ? "" : first.snippet(), located.detection().confidence(),
                                            located.detection().values()));
                        }
                    } catch (ExtractionException e) {
                        errors.accept(contract.id() + ": " + e.getMessage());
                    }
                }
            }
        } finally {
            workers.shutdownNow();
        }
        return new DocumentEvidence(hits, documents);
    }

    @Override
    public List<ClauseHit> find(String contractId, String clauseType) {
        return hits.getOrDefault(contractId + "\u0000" + clauseType, List.of());
    }

    /** How many documents were read. */
    public int documents() {
        return documents;
    }
}
