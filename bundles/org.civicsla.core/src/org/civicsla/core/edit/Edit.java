package org.civicsla.core.edit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.civicsla.core.model.ClauseRecord;
import org.civicsla.core.model.Contract;
import org.civicsla.core.model.DocumentRef;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;
import org.civicsla.core.store.ChangeSet;
import org.civicsla.core.store.ChangeSet.ClauseKey;

/**
 * One change a person made, as the change set that makes it and the one that takes it back. The
 * inverse is computed from the snapshot the edit was made on, so undo restores exactly what was stored.
 */
public record Edit(String label, ChangeSet change, ChangeSet inverse) {

    public Edit {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(inverse, "inverse");
    }

    /** Replaces a vendor's fields. */
    public static Edit vendor(WorkspaceData before, Vendor changed, String label) {
        Vendor previous = before.vendors().stream().filter(v -> v.id().equals(changed.id())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no vendor " + changed.id() + " in the workspace"));
        return new Edit(label, vendors(changed), vendors(previous));
    }

    /** Replaces a contract's fields or documents. */
    public static Edit contract(WorkspaceData before, Contract changed, String label) {
        Contract previous = contract(before, changed.id());
        return new Edit(label, contracts(changed), contracts(previous));
    }

    /** Adds documents to a contract (already in place on disk); attaching a document again changes nothing. */
    public static Edit attach(WorkspaceData before, String contractId, List<DocumentRef> documents) {
        Contract previous = contract(before, contractId);
        List<DocumentRef> all = new java.util.ArrayList<>(previous.documents());
        for (DocumentRef d : documents) {
            if (all.stream().noneMatch(e -> e.path().equals(d.path()))) {
                all.add(d);
            }
        }
        Contract changed = new Contract(previous.id(), previous.vendorId(), previous.number(), previous.type(),
                previous.start(), previous.initialTermMonths(), previous.renewal(), previous.renewalPeriodMonths(),
                previous.noticeDays(), previous.status(), previous.value(), previous.currency(), previous.covers(), all);
        String label = documents.size() == 1 ? "Attach " + documents.get(0).path() : "Attach " + documents.size() + " documents";
        return new Edit(label, contracts(changed), contracts(previous));
    }

    /** Records a clause as present, missing or waived by hand (a waiver carries its reason). */
    public static Edit clause(WorkspaceData before, ClauseRecord record, String label) {
        Optional<ClauseRecord> previous = clauseRecord(before, ClauseKey.of(record));
        ChangeSet inverse = previous.map(p -> new ChangeSet(List.of(), List.of(), List.of(p), List.of(), List.of()))
                .orElseGet(() -> withdraw(ClauseKey.of(record)));
        return new Edit(label, new ChangeSet(List.of(), List.of(), List.of(record), List.of(), List.of()), inverse);
    }

    /** Removes a hand-made clause record, so what the documents say counts again. */
    public static Edit withdraw(WorkspaceData before, ClauseKey key, String label) {
        ClauseRecord previous = clauseRecord(before, key)
                .orElseThrow(() -> new IllegalArgumentException("no clause record " + key.clauseType() + " for " + key.contractId()));
        return new Edit(label, withdraw(key), new ChangeSet(List.of(), List.of(), List.of(previous), List.of(), List.of()));
    }

    /** The edit that takes this one back (for redo after undo). */
    public Edit reversed() {
        return new Edit(label, inverse, change);
    }

    private static Contract contract(WorkspaceData data, String id) {
        return data.contracts().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no contract " + id + " in the workspace"));
    }

    private static Optional<ClauseRecord> clauseRecord(WorkspaceData data, ClauseKey key) {
        return data.clauses().stream().filter(c -> ClauseKey.of(c).equals(key)).findFirst();
    }

    private static ChangeSet vendors(Vendor v) {
        return new ChangeSet(List.of(v), List.of(), List.of(), List.of(), List.of());
    }

    private static ChangeSet contracts(Contract c) {
        return new ChangeSet(List.of(), List.of(c), List.of(), List.of(), List.of());
    }

    private static ChangeSet withdraw(ClauseKey key) {
        return new ChangeSet(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(key));
    }
}
