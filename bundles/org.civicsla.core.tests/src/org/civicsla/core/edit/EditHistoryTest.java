package org.civicsla.core.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civicsla.core.model.ClauseRecord;
import org.civicsla.core.model.ClauseSource;
import org.civicsla.core.model.ClauseState;
import org.civicsla.core.model.Contract;
import org.civicsla.core.model.DocumentRef;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;
import org.civicsla.core.store.ChangeSet;
import org.civicsla.core.store.ChangeSet.ClauseKey;
import org.civicsla.core.store.WorkspaceStore;
import org.junit.jupiter.api.Test;

class EditHistoryTest {

    /** A store in memory with the semantics of the real one: upsert by key, all or nothing. */
    static final class MemoryStore implements WorkspaceStore {
        final Map<String, Vendor> vendors = new LinkedHashMap<>();
        final Map<String, Contract> contracts = new LinkedHashMap<>();
        final Map<ClauseKey, ClauseRecord> clauses = new LinkedHashMap<>();
        boolean refuseNext;

        @Override
        public Path folder() {
            return Path.of(".");
        }

        @Override
        public WorkspaceData snapshot() {
            return new WorkspaceData(new ArrayList<>(vendors.values()), new ArrayList<>(contracts.values()),
                    new ArrayList<>(clauses.values()), List.of(), List.of());
        }

        @Override
        public void apply(ChangeSet changes) {
            if (refuseNext) {
                refuseNext = false;
                throw new IllegalStateException("disk full");
            }
            changes.vendors().forEach(v -> vendors.put(v.id(), v));
            changes.contracts().forEach(c -> contracts.put(c.id(), c));
            changes.withdrawnClauses().forEach(clauses::remove);
            changes.clauses().forEach(c -> clauses.put(ClauseKey.of(c), c));
        }

        @Override
        public void close() {
        }
    }

    private final MemoryStore store = new MemoryStore();
    private final EditHistory history = new EditHistory(store);

    EditHistoryTest() {
        store.apply(new ChangeSet(List.of(new Vendor("V-1", "Civic Cloud", "Cloud", null, List.of())),
                List.of(ContractDraftTest.CONTRACT), List.of(), List.of(), List.of()));
    }

    @Test
    void undoRestoresTheStoredContractAndRedoMakesTheEditAgain() {
        Contract original = store.contracts.get("C-1");
        Contract edited = ContractDraft.of(original).with(ContractDraft.NOTICE, "45").apply(original);
        history.apply(Edit.contract(store.snapshot(), edited, "Change notice period"));
        assertEquals(45, store.contracts.get("C-1").noticeDays());
        assertEquals(Optional.of("Change notice period"), history.undoLabel());

        assertEquals("Change notice period", history.undo().orElseThrow().label());
        assertEquals(original, store.contracts.get("C-1"));
        assertEquals(Optional.empty(), history.undoLabel());
        assertEquals(Optional.of("Change notice period"), history.redoLabel());

        history.redo();
        assertEquals(edited, store.contracts.get("C-1"));
        assertEquals(Optional.empty(), history.redo());
    }

    @Test
    void undoingAFirstWaiverLeavesNoRecordAndUndoingAChangeRestoresTheOldOne() {
        ClauseRecord waiver = new ClauseRecord("C-1", "Insurance", ClauseState.WAIVED, "Covered by the city's policy", "", "",
                ClauseSource.MANUAL);
        history.apply(Edit.clause(store.snapshot(), waiver, "Waive Insurance"));
        assertEquals(waiver, store.clauses.get(new ClauseKey("C-1", "Insurance")));
        ClauseRecord missing = new ClauseRecord("C-1", "Insurance", ClauseState.MISSING, "", "", "", ClauseSource.MANUAL);
        history.apply(Edit.clause(store.snapshot(), missing, "Mark Insurance missing"));

        history.undo();
        assertEquals(waiver, store.clauses.get(new ClauseKey("C-1", "Insurance")));
        history.undo();
        assertTrue(store.clauses.isEmpty(), store.clauses.toString());

        history.redo();
        history.apply(Edit.withdraw(store.snapshot(), new ClauseKey("C-1", "Insurance"), "Clear Insurance"));
        assertTrue(store.clauses.isEmpty());
        assertEquals(Optional.empty(), history.redoLabel(), "a new edit ends the redo chain");
        history.undo();
        assertEquals(waiver, store.clauses.get(new ClauseKey("C-1", "Insurance")));
    }

    @Test
    void attachingAddsOnlyNewDocumentsAndUndoDetachesThem() {
        List<DocumentRef> before = store.contracts.get("C-1").documents();
        DocumentRef annex = new DocumentRef("C-1", "documents/C-1-annex.pdf", "Security annex");
        Edit attach = Edit.attach(store.snapshot(), "C-1", List.of(annex, before.get(0)));
        assertEquals("Attach 2 documents", attach.label());
        history.apply(attach);
        assertEquals(List.of(before.get(0), annex), store.contracts.get("C-1").documents());
        history.undo();
        assertEquals(before, store.contracts.get("C-1").documents());
    }

    /** A cancelled attach is taken back and leaves nothing to redo; one with a later edit after it is not. */
    @Test
    void aRetractedEditLeavesNoTraceAndOnlyTheLastCanBeRetracted() {
        List<DocumentRef> before = store.contracts.get("C-1").documents();
        Edit attach = Edit.attach(store.snapshot(), "C-1", List.of(new DocumentRef("C-1", "documents/C-1-annex.pdf", "")));
        history.apply(attach);
        assertTrue(history.retract(attach));
        assertEquals(before, store.contracts.get("C-1").documents());
        assertEquals(Optional.empty(), history.redoLabel(), "nothing to redo");
        assertEquals(Optional.empty(), history.undoLabel());

        history.apply(attach);
        Contract original = store.contracts.get("C-1");
        history.apply(Edit.contract(store.snapshot(), ContractDraft.of(original).with(ContractDraft.NOTICE, "45")
                .apply(original), "Change notice period"));
        assertFalse(history.retract(attach), "another edit came after it");
        assertEquals(45, store.contracts.get("C-1").noticeDays());
        assertEquals(before.size() + 1, store.contracts.get("C-1").documents().size(), "the attach stays");
    }

    @Test
    void aRefusedEditIsNotRecordedAndTheStoreIsUnchanged() {
        Contract original = store.contracts.get("C-1");
        store.refuseNext = true;
        Edit edit = Edit.contract(store.snapshot(), ContractDraft.of(original).with(ContractDraft.NOTICE, "10").apply(original), "x");
        assertThrows(IllegalStateException.class, () -> history.apply(edit));
        assertEquals(original, store.contracts.get("C-1"));
        assertEquals(Optional.empty(), history.undoLabel());
        assertThrows(IllegalArgumentException.class,
                () -> Edit.withdraw(store.snapshot(), new ClauseKey("C-1", "Audit Rights"), "Clear"));
    }

    @Test
    void theHistoryIsBounded() {
        Vendor vendor = store.vendors.get("V-1");
        for (int i = 0; i < EditHistory.LIMIT + 5; i++) {
            history.apply(Edit.vendor(store.snapshot(), VendorDraft.of(vendor).with(VendorDraft.NAME, "Name " + i).apply(vendor),
                    "Rename " + i));
        }
        int undone = 0;
        while (history.undo().isPresent()) {
            undone++;
        }
        assertEquals(EditHistory.LIMIT, undone);
        assertEquals("Name 4", store.vendors.get("V-1").name());
    }
}
