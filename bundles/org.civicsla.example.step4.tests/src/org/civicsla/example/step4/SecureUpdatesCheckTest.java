package org.civicsla.example.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.civicsla.checks.tck.CheckContractTest;
import org.civicsla.core.check.Check;
import org.civicsla.core.check.CheckContext;
import org.civicsla.core.check.ClauseEvidence;
import org.civicsla.core.check.ClauseHit;
import org.civicsla.core.check.Finding;
import org.civicsla.core.check.RequirementProfiles;
import org.civicsla.core.check.Status;
import org.civicsla.core.model.ClauseRecord;
import org.civicsla.core.model.ClauseSource;
import org.civicsla.core.model.ClauseState;
import org.civicsla.core.model.Contract;
import org.civicsla.core.model.ContractStatus;
import org.civicsla.core.model.DocumentRef;
import org.civicsla.core.model.RenewalKind;
import org.civicsla.core.model.WorkspaceData;
import org.junit.jupiter.api.Test;

/** The example plugin follows the check contract, and says what its step asks. */
class SecureUpdatesCheckTest extends CheckContractTest {

    @Override
    protected Check createCheck() {
        return new SecureUpdatesCheck();
    }

    @Test
    void aVendorWithDevicesButNoUpdateObligationFails() {
        List<Finding> findings = createCheck().evaluate(new CheckContext(workspace(), LocalDate.of(2026, 11, 22),
                RequirementProfiles.defaultProfile(), ClauseEvidence.NONE, () -> false));
        assertEquals(1, findings.size(), "only the vendor with installed devices is in scope");
        Finding lights = findings.get(0);
        assertEquals("V-1", lights.vendorId());
        assertEquals(Status.FAIL, lights.status());
        assertEquals(List.of("2 devices installed, but no contract in force obliges the vendor to provide software updates",
                "1 of 2 devices have no recorded firmware version"), lights.reasons());
    }

    @Test
    void updatesThatNeedNotBeSignedAreAWarning() {
        ClauseEvidence updatesOnly = (contract, type) -> contract.equals("C-1") && type.equals(SecureUpdatesCheck.CLAUSE)
                ? List.of(new ClauseHit("C-1", type, "documents/C-1.txt", OptionalInt.empty(), "updates", 0.9, Map.of()))
                : List.of();
        Finding lights = createCheck().evaluate(new CheckContext(workspace(), LocalDate.of(2026, 11, 22),
                RequirementProfiles.defaultProfile(), updatesOnly, () -> false)).get(0);
        assertEquals(Status.WARNING, lights.status());
        assertEquals(List.of("no contract in force requires the updates to be signed (Signed Software Updates)",
                "1 of 2 devices have no recorded firmware version"), lights.reasons());

        ClauseEvidence signedToo = (contract, type) -> contract.equals("C-1")
                ? List.of(new ClauseHit("C-1", type, "documents/C-1.txt", OptionalInt.empty(), type, 0.9, Map.of()))
                : List.of();
        lights = createCheck().evaluate(new CheckContext(workspace(), LocalDate.of(2026, 11, 22),
                RequirementProfiles.defaultProfile(), signedToo, () -> false)).get(0);
        assertEquals(List.of("1 of 2 devices have no recorded firmware version"), lights.reasons());
        assertEquals(2, lights.evidence().size(), "both clauses are shown as evidence");
    }

    /** The contract test's workspace with V-1's contract changed by {@code change} and clause records of its own. */
    private WorkspaceData with(java.util.function.UnaryOperator<Contract> change, List<ClauseRecord> records) {
        WorkspaceData data = workspace();
        return new WorkspaceData(data.vendors(), data.contracts().stream().map(c -> c.id().equals("C-1") ? change.apply(c) : c)
                .toList(), records, data.deviceModels(), data.devices());
    }

    private Finding lights(WorkspaceData data, ClauseEvidence evidence) {
        return createCheck().evaluate(new CheckContext(data, LocalDate.of(2026, 11, 22), RequirementProfiles.defaultProfile(),
                evidence, () -> false)).get(0);
    }

    @Test
    void aContractMarkedActiveWhoseTermEndedObligesNothing() {
        // Started 2019-01-01 for 24 months without renewal: it ended 2021-01-01, though still marked active.
        Contract ended = new Contract("C-1", "V-1", "RIV-1", "Maintenance", Optional.of(LocalDate.of(2019, 1, 1)), 24,
                RenewalKind.NONE, 0, 90, ContractStatus.ACTIVE, Optional.empty(), "", List.of("M-1"),
                List.of(new DocumentRef("C-1", "documents/C-1.txt", "")));
        ClauseEvidence everything = (contract, type) -> List.of(new ClauseHit(contract, type, "documents/C-1.txt",
                OptionalInt.empty(), type, 0.9, Map.of()));
        Finding lights = lights(with(c -> ended, List.of()), everything);
        assertEquals(Status.FAIL, lights.status(), "its clauses do not make the vendor pass");
        assertEquals("2 devices installed, but the vendor has no contract in force to oblige it to provide software"
                + " updates (C-1 ended 2021-01-01)", lights.reasons().get(0));
        // Without any contract at all, the same.
        WorkspaceData none = workspace();
        Finding bare = lights(new WorkspaceData(none.vendors(), List.of(), List.of(), none.deviceModels(), none.devices()),
                everything);
        assertEquals(Status.FAIL, bare.status());
        assertEquals("2 devices installed, but the vendor has no contract in force to oblige it to provide software"
                + " updates (the vendor has no contract)", bare.reasons().get(0));
    }

    @Test
    void aDocumentThatCouldNotBeReadMakesTheObligationUnknownNotMissing() {
        Finding lights = lights(workspace(), unreadable("encrypted"));
        // Not FAIL: unknown (and the unrecorded firmware's warning is the worse of the two).
        assertEquals(Status.WARNING, lights.status());
        assertEquals("C-1: Software Update Obligations not found, but documents/C-1.txt (encrypted) could not be read",
                lights.reasons().get(0));
    }

    @Test
    void updatesObligedInOneDocumentAndSigningNotFoundWhereAnotherCouldNotBeReadIsUnknown() {
        ClauseEvidence obligedOnly = new ClauseEvidence() {
            @Override
            public List<ClauseHit> find(String contract, String type) {
                return type.equals(SecureUpdatesCheck.CLAUSE) ? List.of(new ClauseHit(contract, type, "documents/C-1.txt",
                        OptionalInt.empty(), "the vendor shall provide software updates", 0.9, Map.of())) : List.of();
            }

            @Override
            public Optional<String> unread(String contract, String path) {
                return Optional.of("encrypted");
            }
        };
        Finding lights = lights(workspace(), obligedOnly);
        assertEquals("C-1: Signed Software Updates not found, but documents/C-1.txt (encrypted) could not be read",
                lights.reasons().get(0), "unknown, not 'no contract requires signed updates'");
        assertTrue(lights.reasons().stream().noneMatch(r -> r.contains("requires the updates to be signed")),
                lights.reasons().toString());
        assertEquals("C-1: Software Update Obligations", lights.evidence().get(0).description());
    }

    @Test
    void aClauseRecordedByHandDecidesOverTheDocumentsAndAWaiverIsShownWithItsReason() {
        ClauseEvidence everything = (contract, type) -> List.of(new ClauseHit(contract, type, "documents/C-1.txt",
                OptionalInt.empty(), type, 0.9, Map.of()));
        Finding missing = lights(with(c -> c, List.of(new ClauseRecord("C-1", SecureUpdatesCheck.CLAUSE, ClauseState.MISSING,
                "", "", "", ClauseSource.MANUAL))), everything);
        assertEquals(Status.FAIL, missing.status(), "recorded as missing by the officer who read the contract");
        Finding waived = lights(with(c -> c, List.of(new ClauseRecord("C-1", SecureUpdatesCheck.SIGNED, ClauseState.WAIVED,
                "updates are delivered on site by the city's own staff", "", "", ClauseSource.MANUAL))),
                (contract, type) -> type.equals(SecureUpdatesCheck.CLAUSE) ? everything.find(contract, type) : List.of());
        assertEquals(List.of("1 of 2 devices have no recorded firmware version"), waived.reasons());
        assertEquals("C-1: Signed Software Updates waived: updates are delivered on site by the city's own staff",
                waived.evidence().get(1).description(), "the waiver reaches the reports with its reason");
    }
}
