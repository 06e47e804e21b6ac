package org.civicsla.core.check;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.civicsla.core.model.ClauseRecord;
import org.civicsla.core.model.Contract;

/**
 * How a contract stands on a clause type, judged as the built-in checks judge it, so that a plugin's check agrees
 * with them: a record entered by hand decides (waived or present: it passes; missing: it fails, whatever the
 * documents say); else the passages the document index found; else, where the type is not detected or a document
 * could not be read, it is unknown, not missing; else it is missing. Made once per evaluation
 * ({@link #of(CheckContext)}): it indexes the workspace's clause records.
 */
public final class ClauseVerdicts {

    /**
     * One contract's standing on one clause type: {@code status} {@link Status#PASS} (present or waived),
     * {@link Status#FAIL} (missing) or {@link Status#UNKNOWN}; {@code reason} why it did not pass, as a procurement
     * officer reads it ("C-1: Breach Notification is missing"); {@code evidence} what shows it (the record entered by
     * hand, or the first passage found); {@code hits} the passages found, the contract's own documents first.
     */
    public record Verdict(Status status, Optional<String> reason, List<Evidence> evidence, List<ClauseHit> hits) {

        public Verdict {
            evidence = List.copyOf(evidence);
            hits = List.copyOf(hits);
        }

        public boolean passed() {
            return status == Status.PASS;
        }
    }

    private final CheckContext context;
    private final Map<String, ClauseRecord> records;

    private ClauseVerdicts(CheckContext context) {
        this.context = context;
        // The last record of a contract and type wins, as the store keeps one.
        this.records = context.data().clauses().stream()
                .collect(Collectors.toMap(r -> key(r.contractId(), r.clauseType()), Function.identity(), (a, b) -> b));
    }

    public static ClauseVerdicts of(CheckContext context) {
        return new ClauseVerdicts(context);
    }

    /** How {@code contract} stands on {@code clauseType}. */
    public Verdict of(Contract contract, String clauseType) {
        String clause = contract.id() + ": " + clauseType;
        ClauseRecord record = records.get(key(contract.id(), clauseType));
        if (record != null) {
            return switch (record.state()) {
                case WAIVED -> new Verdict(Status.PASS, Optional.empty(),
                        List.of(Evidence.of(Evidence.Kind.CLAUSE_RECORD, clause + " waived: " + record.reason())), List.of());
                case PRESENT -> new Verdict(Status.PASS, Optional.empty(), List.of(new Evidence(Evidence.Kind.CLAUSE_RECORD,
                        clause + " present (entered by hand)" + (record.section().isEmpty() ? "" : ", " + record.section()),
                        record.document().isEmpty() ? Optional.empty() : Optional.of(record.document()), OptionalInt.empty(),
                        "")), List.of());
                case MISSING -> new Verdict(Status.FAIL, Optional.of(clause + " is missing (recorded by hand)"), List.of(),
                        List.of());
            };
        }
        // A type the workspace does not detect has no hits to look for: whyUnknown says so.
        List<ClauseHit> hits = context.clauses().detects(clauseType) ? context.clauses().find(contract.id(), clauseType)
                : List.of();
        if (hits.isEmpty()) {
            Optional<String> unknown = context.clauses().whyUnknown(contract, clauseType);
            if (unknown.isPresent()) {
                return new Verdict(Status.UNKNOWN, Optional.of(clause + " " + unknown.get()), List.of(), List.of());
            }
            return new Verdict(Status.FAIL, Optional.of(clause + " is missing"
                    + (contract.documents().isEmpty() ? " (no contract document attached)" : "")), List.of(), List.of());
        }
        List<ClauseHit> ordered = ClauseHit.inDocumentOrder(hits, contract);
        ClauseHit first = ordered.get(0);
        return new Verdict(Status.PASS, Optional.empty(), List.of(new Evidence(Evidence.Kind.CLAUSE_PASSAGE, clause,
                Optional.of(first.document()), first.page(), first.snippet())), ordered);
    }

    private static String key(String contractId, String clauseType) {
        return contractId + "\u0000" + clauseType;
    }
}
