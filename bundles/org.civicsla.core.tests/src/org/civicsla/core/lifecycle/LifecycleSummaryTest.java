package org.civicsla.core.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civicsla.core.model.Contract;
import org.civicsla.core.model.ContractStatus;
import org.civicsla.core.model.Criticality;
import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.LifecycleDate;
import org.civicsla.core.model.Milestone;
import org.civicsla.core.model.RenewalKind;
import org.civicsla.core.model.WorkspaceData;
import org.junit.jupiter.api.Test;

class LifecycleSummaryTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);

    private static Contract contract(String id, LocalDate start, int months, RenewalKind renewal, int period, int notice,
            ContractStatus status) {
        return new Contract(id, "V", "", "", Optional.of(start), months, renewal, period, notice, status, Optional.empty(),
                "", List.of(), List.of());
    }

    private static DeviceModel model(String id, LocalDate securityEnd) {
        return new DeviceModel(id, "V", id, "", LifecycleDate.UNKNOWN, LifecycleDate.UNKNOWN,
                LifecycleDate.of(securityEnd, "test"), Optional.of(new BigDecimal("100.00")));
    }

    private static Device device(String id, String model) {
        return new Device(id, model, "", "", Optional.of(LocalDate.of(2020, 1, 1)), 10, "", Criticality.LOW,
                Optional.empty(), Optional.empty());
    }

    @Test
    void countsDevicesAndModelsByStateAndListsDeadlinesWithinTheHorizon() {
        WorkspaceData data = new WorkspaceData(List.of(),
                List.of(
                        // Term ends 2027-01-01; 30 days' notice: deadline 2026-12-01, inside a 6-month horizon.
                        contract("C-SOON", LocalDate.of(2024, 1, 1), 24, RenewalKind.AUTOMATIC, 12, 30, ContractStatus.ACTIVE),
                        // Deadline 2026-10-02 passed: the next one is a year later, beyond the horizon.
                        contract("C-LATE", LocalDate.of(2024, 1, 1), 24, RenewalKind.AUTOMATIC, 12, 90, ContractStatus.ACTIVE),
                        // Same terms as C-SOON but terminated: not listed.
                        contract("C-GONE", LocalDate.of(2024, 1, 1), 24, RenewalKind.AUTOMATIC, 12, 30, ContractStatus.TERMINATED),
                        // Express renewal: the initial term ends 2027-03-01, ask for renewal by 2027-01-29.
                        contract("C-ASK", LocalDate.of(2025, 3, 1), 24, RenewalKind.EXPRESS, 0, 30, ContractStatus.ACTIVE)),
                List.of(),
                List.of(model("OLD", LocalDate.of(2025, 1, 1)), model("SOON", LocalDate.of(2027, 3, 1)),
                        model("NEW", LocalDate.of(2031, 1, 1)), model("UNK", null)),
                List.of(device("D1", "OLD"), device("D2", "OLD"), device("D3", "SOON"), device("D4", "NEW"),
                        device("D5", "UNK"), device("D6", "NOT-THERE")));

        LifecycleSummary summary = LifecycleSummary.of(data, AS_OF, Milestone.END_OF_SECURITY_UPDATES, 6);

        assertEquals(Map.of(SupportState.SUPPORTED, 1, SupportState.ENDING_WITHIN_HORIZON, 1, SupportState.UNSUPPORTED, 2,
                SupportState.UNKNOWN, 2), summary.devicesByState());
        assertEquals(Map.of(SupportState.SUPPORTED, 1, SupportState.ENDING_WITHIN_HORIZON, 1, SupportState.UNSUPPORTED, 1,
                SupportState.UNKNOWN, 1), summary.modelsByState());
        assertEquals(List.of("C-SOON", "C-ASK"), summary.noticeDeadlines().stream().map(d -> d.contract().id()).toList());
        LifecycleSummary.NoticeDeadline soon = summary.noticeDeadlines().get(0);
        assertEquals(LocalDate.of(2026, 12, 1), soon.deadline());
        assertEquals(new Term(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), 1), soon.term());
        assertEquals(LocalDate.of(2027, 1, 1), soon.endOfCommitment());
        assertEquals(LocalDate.of(2027, 1, 29), summary.noticeDeadlines().get(1).deadline());
        assertEquals(ReplacementPlan.perYear(data, Milestone.END_OF_SECURITY_UPDATES, AS_OF), summary.replacementPlan());
        assertEquals(List.of(SupportState.values()), List.copyOf(summary.devicesByState().keySet()), "in state order");
    }

    @Test
    void aDeadlineThatPassedPointsAtTheTermAfterTheCurrentOne() {
        Contract late = contract("C-LATE", LocalDate.of(2024, 1, 1), 24, RenewalKind.AUTOMATIC, 12, 90, ContractStatus.ACTIVE);
        WorkspaceData data = new WorkspaceData(List.of(), List.of(late), List.of(), List.of(), List.of());
        LifecycleSummary summary = LifecycleSummary.of(data, AS_OF, Milestone.END_OF_SUPPORT, 12);
        LifecycleSummary.NoticeDeadline next = summary.noticeDeadlines().get(0);
        assertEquals(LocalDate.of(2027, 10, 2), next.deadline());
        assertEquals(new Term(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 1), 2), next.term());
        assertEquals(LocalDate.of(2028, 1, 1), next.endOfCommitment());
    }

    @Test
    void refusesANegativeHorizon() {
        assertThrows(IllegalArgumentException.class,
                () -> LifecycleSummary.of(WorkspaceData.EMPTY, AS_OF, Milestone.END_OF_SUPPORT, -1));
    }
}
