package org.civicsla.checks.tck;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.civicsla.core.check.Check;
import org.civicsla.core.check.CheckContext;
import org.civicsla.core.check.ClauseEvidence;
import org.civicsla.core.check.Finding;
import org.civicsla.core.check.Requirement;
import org.civicsla.core.check.RequirementProfile;
import org.civicsla.core.model.Contract;
import org.civicsla.core.model.ContractStatus;
import org.civicsla.core.model.Criticality;
import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.DocumentRef;
import org.civicsla.core.model.LifecycleDate;
import org.civicsla.core.model.Milestone;
import org.civicsla.core.model.RenewalKind;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Check} must follow. A check author extends this class, supplies an
 * instance in {@link #createCheck()} and must succeed at every test; the engine relies on these
 * properties to run plugin checks beside the built-in ones.
 */
public abstract class CheckContractTest {

    /** A fresh instance of the check under test. */
    protected abstract Check createCheck();

    /** A small city every check must handle: vendors with and without contracts, devices, unknown dates. */
    protected WorkspaceData workspace() {
        Vendor lights = new Vendor("V-1", "Lumen Streetlights", "Lighting", Criticality.HIGH, List.of());
        Vendor cloud = new Vendor("V-2", "Civic Cloud", "Cloud", Criticality.CRITICAL, List.of());
        Vendor idle = new Vendor("V-3", "Dormant Supplies", "Other", Criticality.LOW, List.of());
        Contract lightsContract = new Contract("C-1", "V-1", "RIV-1", "Maintenance", Optional.of(LocalDate.of(2022, 1, 1)),
                36, RenewalKind.AUTOMATIC, 12, 90, ContractStatus.ACTIVE, Optional.of(new BigDecimal("1000.00")), "USD",
                List.of("M-1"), List.of(new DocumentRef("C-1", "documents/C-1.txt", "")));
        Contract cloudContract = new Contract("C-2", "V-2", "RIV-2", "Cloud service", Optional.empty(), 0,
                RenewalKind.NONE, 0, 0, ContractStatus.ACTIVE, Optional.empty(), "", List.of(), List.of());
        DeviceModel known = new DeviceModel("M-1", "V-1", "LX-200", "Controller", LifecycleDate.UNKNOWN,
                LifecycleDate.of(LocalDate.of(2027, 6, 30), "bulletin"), LifecycleDate.of(LocalDate.of(2026, 12, 31), "bulletin"),
                Optional.of(new BigDecimal("180.00")));
        DeviceModel unknown = new DeviceModel("M-2", "V-1", "LX-100", "Controller", LifecycleDate.UNKNOWN,
                LifecycleDate.UNKNOWN, LifecycleDate.UNKNOWN, Optional.empty());
        List<Device> devices = List.of(
                new Device("D-1", "M-1", "Main St 1", "Harbour", Optional.of(LocalDate.of(2020, 1, 1)), 10, "4.2",
                        Criticality.MEDIUM, Optional.of("C-1"), Optional.empty()),
                new Device("D-2", "M-2", "Main St 2", "Harbour", Optional.empty(), 10, "", Criticality.LOW, Optional.empty(),
                        Optional.empty()));
        return new WorkspaceData(List.of(lights, cloud, idle), List.of(lightsContract, cloudContract), List.of(),
                List.of(known, unknown), devices);
    }

    private CheckContext context(WorkspaceData data, boolean cancelled) {
        return context(data, ClauseEvidence.NONE, () -> cancelled);
    }

    /**
     * The document index's answers where no document could be read, for {@code why} ("encrypted"): nothing found,
     * and every document unread. A clause not found there is unknown, not missing.
     */
    public static ClauseEvidence unreadable(String why) {
        return new ClauseEvidence() {
            @Override
            public List<org.civicsla.core.check.ClauseHit> find(String contractId, String clauseType) {
                return List.of();
            }

            @Override
            public Optional<String> unread(String contractId, String path) {
                return Optional.of(why);
            }
        };
    }

    /**
     * The context the contract's tests evaluate in, for tests of your own: as of 2026-11-22, a profile requiring Audit
     * Rights and Software Update Obligations, a 24-month horizon, {@code clauses} as the document index's answers.
     */
    protected final CheckContext context(WorkspaceData data, ClauseEvidence clauses,
            java.util.function.BooleanSupplier cancelled) {
        RequirementProfile profile = new RequirementProfile("contract test",
                List.of(Requirement.of("Audit Rights"), Requirement.of("Software Update Obligations")), 24,
                Milestone.END_OF_SECURITY_UPDATES);
        return new CheckContext(data, LocalDate.of(2026, 11, 22), profile, clauses, cancelled);
    }

    @Test
    public final void describesItself() {
        Check check = createCheck();
        assertFalse(check.id().isBlank(), "id");
        assertEquals(check.id(), createCheck().id(), "the id is stable: runs are saved and compared by it");
        assertTrue(check.step() >= 1 && check.step() <= 10, "step is a checklist step 1..10: " + check.step());
        assertFalse(check.title().isBlank(), "title");
    }

    @Test
    public final void handlesAnEmptyWorkspace() {
        List<Finding> findings = assertDoesNotThrow(() -> createCheck().evaluate(context(WorkspaceData.EMPTY, false)));
        assertNotNull(findings);
        assertTrue(findings.isEmpty(), "no vendors, no findings: " + findings);
    }

    @Test
    public final void findingsBelongToTheCheckAndNameKnownVendorsWithReasons() {
        Check check = createCheck();
        WorkspaceData data = workspace();
        Set<String> vendors = data.vendors().stream().map(Vendor::id).collect(Collectors.toSet());
        for (Finding finding : check.evaluate(context(data, false))) {
            assertEquals(check.id(), finding.checkId(), "checkId of " + finding);
            assertEquals(check.step(), finding.step(), "step of " + finding);
            assertTrue(vendors.contains(finding.vendorId()), "unknown vendor in " + finding);
            assertFalse(finding.reasons().isEmpty(), "a finding says why: " + finding);
        }
    }

    @Test
    public final void isDeterministic() {
        WorkspaceData data = workspace();
        assertEquals(createCheck().evaluate(context(data, false)), createCheck().evaluate(context(data, false)));
    }

    /**
     * Cancelled from the start, the check asks the flag and returns without an error, and soon: a check that never asks
     * holds a cancelled run until the engine's time limit (a minute) gives up on it, and a person's Cancel does nothing
     * meanwhile. (Since 2026-12: a check that never asked the flag passed this test before.)
     */
    @Test
    public final void stopsWithoutErrorWhenCancelled() {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> createCheck().evaluate(context(workspace(), ClauseEvidence.NONE, () -> asked.incrementAndGet() > 0)),
                "a cancelled check returns within 30 s");
        assertTrue(asked.get() > 0, "the check asks context.cancelled() (once per vendor, say) while it works");
    }
}
