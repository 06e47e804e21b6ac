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
 * How contracts stand on clause types, judged as step 2 judges them, so that a plugin's check agrees with it: a
 * record entered by hand decides (waived or present: it passes; missing: it fails, whatever the documents say); else
 * the passages the document index found (and, for a {@link Requirement} that limits a value, that value); else, where
 * the type is not detected or a document could not be read, it is unknown, not missing; else it is missing. Made once
 * per evaluation ({@link #of(CheckContext)}): it indexes the workspace's clause records.
 */
public final class ClauseVerdicts {

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

    /** Whether {@code contract} carries {@code clauseType}: present, waived, missing or unknown (no value judged). */
    public ClauseVerdict verdict(Contract contract, String clauseType) {
        String clause = contract.id() + ": " + clauseType;
        ClauseRecord record = records.get(key(contract.id(), clauseType));
        if (record != null) {
            return switch (record.state()) {
                case WAIVED -> byHand(Status.PASS, Optional.empty(),
                        List.of(Evidence.of(Evidence.Kind.CLAUSE_RECORD, clause + " waived: " + record.reason())));
                case PRESENT -> byHand(Status.PASS, Optional.empty(), List.of(new Evidence(Evidence.Kind.CLAUSE_RECORD,
                        clause + " present (entered by hand)" + (record.section().isEmpty() ? "" : ", " + record.section()),
                        record.document().isEmpty() ? Optional.empty() : Optional.of(record.document()), OptionalInt.empty(),
                        "")));
                case MISSING -> byHand(Status.FAIL, Optional.of(clause + " is missing (recorded by hand)"), List.of());
            };
        }
        // A type the workspace does not detect has no hits to look for: whyUnknown says so.
        List<ClauseHit> hits = context.clauses().detects(clauseType) ? context.clauses().find(contract.id(), clauseType)
                : List.of();
        if (hits.isEmpty()) {
            Optional<String> unknown = context.clauses().whyUnknown(contract, clauseType);
            if (unknown.isPresent()) {
                return new ClauseVerdict(Status.UNKNOWN, Optional.of(clause + " " + unknown.get()), List.of(), List.of(), false);
            }
            return new ClauseVerdict(Status.FAIL, Optional.of(clause + " is missing"
                    + (contract.documents().isEmpty() ? " (no contract document attached)" : "")), List.of(), List.of(), false);
        }
        List<ClauseHit> ordered = ClauseHit.inDocumentOrder(hits, contract);
        return new ClauseVerdict(Status.PASS, Optional.empty(), List.of(passage(contract, clauseType, ordered.get(0))), ordered,
                false);
    }

    /**
     * Whether {@code contract} meets {@code requirement} as step 2 judges it: {@link #verdict(Contract, String)}, and where
     * the clause was found and the requirement limits a value (a notification deadline of at most 72 hours), the
     * passage stating the most is judged: over the limit fails, a value not stated is a warning. That passage is the
     * evidence.
     */
    public ClauseVerdict verdict(Contract contract, Requirement requirement) {
        String clauseType = requirement.clauseType();
        ClauseVerdict found = verdict(contract, clauseType);
        if (found.hits().isEmpty()) { // entered by hand, unknown or missing: nothing to judge a value on
            return found;
        }
        String clause = contract.id() + ": " + clauseType;
        ClauseHit best = requirement.judged(found.hits());
        List<Evidence> evidence = List.of(passage(contract, clauseType, best));
        return switch (requirement.judge(best)) {
            case NO_VALUE -> {
                String key = requirement.valueKey().orElseThrow();
                yield new ClauseVerdict(Status.WARNING, Optional.of(clause + " states no " + Requirement.valueName(key)
                        + (Requirement.unit(key).isPresent() ? " time" : " value") + " (required: "
                        + requirement.atMost().orElseThrow() + ")"), evidence, found.hits(), false);
            }
            case OVER_LIMIT -> new ClauseVerdict(Status.FAIL, Optional.of(clause + " allows "
                    + requirement.amount(requirement.stated(best).getAsDouble()).orElseThrow() + ", more than the required "
                    + requirement.amount(requirement.maxValue().orElseThrow()).orElseThrow()), evidence, found.hits(), false);
            default -> new ClauseVerdict(Status.PASS, Optional.empty(), evidence, found.hits(), false);
        };
    }

    private static ClauseVerdict byHand(Status status, Optional<String> reason, List<Evidence> evidence) {
        return new ClauseVerdict(status, reason, evidence, List.of(), true);
    }

    private static Evidence passage(Contract contract, String clauseType, ClauseHit hit) {
        return new Evidence(Evidence.Kind.CLAUSE_PASSAGE, contract.id() + ": " + clauseType, Optional.of(hit.document()),
                hit.page(), hit.snippet());
    }

    private static String key(String contractId, String clauseType) {
        return contractId + "\u0000" + clauseType;
    }
}
