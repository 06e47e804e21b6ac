package org.civicsla.example.step4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.civicsla.checks.tck.CheckContractTest;
import org.civicsla.core.check.Check;
import org.civicsla.core.check.CheckContext;
import org.civicsla.core.check.ClauseEvidence;
import org.civicsla.core.check.ClauseHit;
import org.civicsla.core.check.Finding;
import org.civicsla.core.check.RequirementProfiles;
import org.civicsla.core.check.Status;
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
        assertEquals(List.of("2 devices installed, but no active contract obliges the vendor to provide software updates",
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
        assertEquals(List.of("no active contract requires the updates to be signed (Signed Software Updates)",
                "1 of 2 devices have no recorded firmware version"), lights.reasons());

        ClauseEvidence signedToo = (contract, type) -> contract.equals("C-1")
                ? List.of(new ClauseHit("C-1", type, "documents/C-1.txt", OptionalInt.empty(), type, 0.9, Map.of()))
                : List.of();
        lights = createCheck().evaluate(new CheckContext(workspace(), LocalDate.of(2026, 11, 22),
                RequirementProfiles.defaultProfile(), signedToo, () -> false)).get(0);
        assertEquals(List.of("1 of 2 devices have no recorded firmware version"), lights.reasons());
        assertEquals(2, lights.evidence().size(), "both clauses are shown as evidence");
    }
}
