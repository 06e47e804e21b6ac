package org.civicsla.core.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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

class LifecycleTest {

    private static Contract contract(LocalDate start, int months, RenewalKind renewal, int period, int notice) {
        return new Contract("C", "V", "", "", Optional.ofNullable(start), months, renewal, period, notice,
                ContractStatus.ACTIVE, Optional.empty(), "", List.of(), List.of());
    }

    private static final LocalDate JAN_2020 = LocalDate.of(2020, 1, 1);

    @Test
    void aContractThatDoesNotRenewHasEndedFromTheEndOfItsTerm() {
        Contract fixed = contract(JAN_2020, 24, RenewalKind.NONE, 0, 0);
        LocalDate end = LocalDate.of(2022, 1, 1);
        assertEquals(Optional.empty(), ContractTerms.ended(fixed, end.minusDays(1)));
        assertEquals(Optional.of(end), ContractTerms.ended(fixed, end));
        assertEquals(Optional.of(end), ContractTerms.ended(contract(JAN_2020, 24, RenewalKind.EXPRESS, 12, 30), end.plusYears(3)));
        // One renewing by itself has not ended; one without dates is not known to have.
        assertEquals(Optional.empty(), ContractTerms.ended(contract(JAN_2020, 24, RenewalKind.AUTOMATIC, 12, 90), end.plusYears(3)));
        assertEquals(Optional.empty(), ContractTerms.ended(contract(null, 24, RenewalKind.NONE, 0, 0), end.plusYears(3)));
    }

    /**
     * A notice longer than a renewal period: the next deadline is the first still ahead, however many terms on, and
     * the city is committed to the end of that term (not a deadline already passed, nor one term too few).
     */
    @Test
    void aNoticeLongerThanARenewalPeriodLooksAsManyTermsAheadAsItNeeds() {
        Contract longNotice = contract(LocalDate.of(2019, 1, 1), 12, RenewalKind.AUTOMATIC, 12, 400);
        LocalDate today = LocalDate.of(2026, 12, 2);
        // Terms end 2026-12-31, 2027-12-31, 2028-12-31: 400 days before their last days are 2025-11-26,
        // 2026-11-26 (passed) and 2027-11-27, the first still ahead.
        assertEquals(Optional.of(LocalDate.of(2027, 11, 27)), ContractTerms.nextNoticeDeadline(longNotice, today));
        assertEquals(Optional.of(LocalDate.of(2029, 1, 1)), ContractTerms.endOfCommitment(longNotice, today),
                "committed through 2028-12-31");
    }

    @Test
    void theTermsAreDescribedAsTheContractStandsAndNotPlannedByWhenItIsRecordedAsEnded() {
        Contract tacit = contract(JAN_2020, 24, RenewalKind.AUTOMATIC, 12, 90);
        LocalDate today = LocalDate.of(2026, 12, 2);
        // This term's notice deadline (2026-10-02) has passed: the next is the next term's, and it commits to 2028.
        // Days as read: a term's last day; the deadline with how it is counted (90 days before 2027-12-31).
        assertEquals("Current term 2026-01-01 to 2026-12-31. This term's notice deadline, 2026-10-02, has passed: it renews"
                + " on 2027-01-01. Next notice deadline 2027-10-02 (90 days before a term's last day). Committed through"
                + " 2027-12-31.", ContractTerms.describe(tacit, today));
        // Before this term's deadline, nothing has passed.
        assertEquals("Current term 2026-01-01 to 2026-12-31. Next notice deadline 2026-10-02 (90 days before a term's last"
                + " day). Committed through 2026-12-31.", ContractTerms.describe(tacit, LocalDate.of(2026, 9, 30)));
        Contract expired = new Contract("C", "V", "", "", Optional.of(JAN_2020), 24, RenewalKind.AUTOMATIC, 12, 90,
                ContractStatus.EXPIRED, Optional.empty(), "", List.of(), List.of());
        assertEquals("Recorded as expired: no renewal or notice dates, and the checks do not judge it. ",
                ContractTerms.describe(expired, today));
        assertEquals("Ended: its last day was 2021-12-31 (no renewal by itself); the checks no longer judge it. ",
                ContractTerms.describe(contract(JAN_2020, 24, RenewalKind.NONE, 0, 0), today));
    }

    @Test
    void tacitRenewalsRollTheTermOverAfterTheInitialTerm() {
        Contract tacit = contract(JAN_2020, 24, RenewalKind.AUTOMATIC, 12, 90);
        assertEquals(new Term(JAN_2020, LocalDate.of(2022, 1, 1), 0),
                ContractTerms.currentTerm(tacit, LocalDate.of(2021, 12, 31)).orElseThrow());
        assertEquals(new Term(LocalDate.of(2022, 1, 1), LocalDate.of(2023, 1, 1), 1),
                ContractTerms.currentTerm(tacit, LocalDate.of(2022, 1, 1)).orElseThrow());
        assertEquals(new Term(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 1, 1), 2),
                ContractTerms.currentTerm(tacit, LocalDate.of(2023, 6, 15)).orElseThrow());
        assertEquals(new Term(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), 5),
                ContractTerms.currentTerm(tacit, LocalDate.of(2026, 12, 31)).orElseThrow());
    }

    @Test
    void renewalsAreCountedFromTheStartSoMonthEndsDoNotDrift() {
        // Signed on a leap day: the initial term ends on 28 February, but the third renewal ends on 29 February again.
        Contract leap = contract(LocalDate.of(2020, 2, 29), 12, RenewalKind.AUTOMATIC, 12, 30);
        assertEquals(new Term(LocalDate.of(2020, 2, 29), LocalDate.of(2021, 2, 28), 0),
                ContractTerms.currentTerm(leap, LocalDate.of(2021, 2, 27)).orElseThrow());
        assertEquals(new Term(LocalDate.of(2023, 2, 28), LocalDate.of(2024, 2, 29), 3),
                ContractTerms.currentTerm(leap, LocalDate.of(2023, 6, 1)).orElseThrow());
        // Monthly renewals of a contract signed on the 31st end on each month's last day, not on the 28th.
        Contract monthly = contract(LocalDate.of(2021, 1, 31), 1, RenewalKind.AUTOMATIC, 1, 0);
        assertEquals(new Term(LocalDate.of(2021, 2, 28), LocalDate.of(2021, 3, 31), 1),
                ContractTerms.currentTerm(monthly, LocalDate.of(2021, 3, 15)).orElseThrow());
        assertEquals(new Term(LocalDate.of(2021, 4, 30), LocalDate.of(2021, 5, 31), 3),
                ContractTerms.currentTerm(monthly, LocalDate.of(2021, 5, 30)).orElseThrow());
        // Without notice days, notice is due on the term's last day.
        assertEquals(LocalDate.of(2021, 5, 30), ContractTerms.nextNoticeDeadline(monthly, LocalDate.of(2021, 5, 30)).orElseThrow());
    }

    @Test
    void longRunningTacitContractsFindTheirTermDirectly() {
        Contract old = contract(LocalDate.of(1990, 7, 1), 60, RenewalKind.AUTOMATIC, 36, 180);
        // The initial term ends 1995-07-01; the 11th renewal of 3 years runs 2025-07-01 .. 2028-07-01.
        assertEquals(new Term(LocalDate.of(2025, 7, 1), LocalDate.of(2028, 7, 1), 11),
                ContractTerms.currentTerm(old, LocalDate.of(2026, 11, 22)).orElseThrow());
        assertEquals(LocalDate.of(2028, 6, 30).minusDays(180),
                ContractTerms.nextNoticeDeadline(old, LocalDate.of(2026, 11, 22)).orElseThrow());
    }

    @Test
    void anAutomaticRenewalWithoutAPeriodEndsAfterItsInitialTerm() {
        Contract noPeriod = contract(JAN_2020, 12, RenewalKind.AUTOMATIC, 0, 30);
        assertEquals(LocalDate.of(2020, 12, 1), ContractTerms.nextNoticeDeadline(noPeriod, LocalDate.of(2020, 6, 1)).orElseThrow());
        assertEquals(Optional.empty(), ContractTerms.nextNoticeDeadline(noPeriod, LocalDate.of(2020, 12, 2)));
        assertEquals(Optional.empty(), ContractTerms.currentTerm(noPeriod, LocalDate.of(2021, 1, 1)));
        assertEquals(LocalDate.of(2021, 1, 1), ContractTerms.endOfCommitment(noPeriod, LocalDate.of(2020, 12, 31)).orElseThrow());
    }

    @Test
    void noticeMustArriveBeforeTheNoticePeriodAndAPassedDeadlineMovesToTheNextTerm() {
        Contract tacit = contract(JAN_2020, 24, RenewalKind.AUTOMATIC, 12, 90);
        // 90 days before 2024-01-01 is 2023-10-03, so the last day to give notice is 2023-10-02.
        assertEquals(LocalDate.of(2023, 10, 2), ContractTerms.nextNoticeDeadline(tacit, LocalDate.of(2023, 6, 15)).orElseThrow());
        assertEquals(LocalDate.of(2023, 10, 2), ContractTerms.nextNoticeDeadline(tacit, LocalDate.of(2023, 10, 2)).orElseThrow());
        // The deadline fell on a past date: the contract renews once more; the next chance is a year later.
        assertEquals(LocalDate.of(2024, 10, 2), ContractTerms.nextNoticeDeadline(tacit, LocalDate.of(2023, 10, 3)).orElseThrow());
        assertEquals(LocalDate.of(2024, 1, 1), ContractTerms.endOfCommitment(tacit, LocalDate.of(2023, 10, 2)).orElseThrow());
        assertEquals(LocalDate.of(2025, 1, 1), ContractTerms.endOfCommitment(tacit, LocalDate.of(2023, 10, 3)).orElseThrow());
    }

    @Test
    void contractsWithoutAutomaticRenewalEnd() {
        Contract fixed = contract(JAN_2020, 36, RenewalKind.NONE, 0, 30);
        assertEquals(Optional.empty(), ContractTerms.nextNoticeDeadline(fixed, LocalDate.of(2021, 1, 1)));
        assertEquals(Optional.empty(), ContractTerms.currentTerm(fixed, LocalDate.of(2023, 1, 1)));
        Contract express = contract(JAN_2020, 36, RenewalKind.EXPRESS, 12, 60);
        assertEquals(LocalDate.of(2022, 11, 1), ContractTerms.nextNoticeDeadline(express, LocalDate.of(2022, 6, 1)).orElseThrow());
        assertEquals(Optional.empty(), ContractTerms.nextNoticeDeadline(express, LocalDate.of(2022, 12, 1)));
    }

    @Test
    void aContractThatHasNotStartedIsInItsInitialTerm() {
        Contract future = contract(LocalDate.of(2027, 3, 1), 12, RenewalKind.AUTOMATIC, 12, 30);
        assertEquals(new Term(LocalDate.of(2027, 3, 1), LocalDate.of(2028, 3, 1), 0),
                ContractTerms.currentTerm(future, LocalDate.of(2026, 11, 22)).orElseThrow());
    }

    @Test
    void unknownDatesGiveNoAnswerRatherThanAGuess() {
        Contract unknownStart = contract(null, 24, RenewalKind.AUTOMATIC, 12, 90);
        assertEquals(Optional.empty(), ContractTerms.currentTerm(unknownStart, LocalDate.of(2026, 1, 1)));
        assertEquals(Optional.empty(), ContractTerms.nextNoticeDeadline(unknownStart, LocalDate.of(2026, 1, 1)));
        assertEquals(Optional.empty(), ContractTerms.endOfCommitment(unknownStart, LocalDate.of(2026, 1, 1)));
        Contract unknownTerm = contract(JAN_2020, 0, RenewalKind.AUTOMATIC, 12, 90);
        assertEquals(Optional.empty(), ContractTerms.currentTerm(unknownTerm, LocalDate.of(2026, 1, 1)));
    }

    private static DeviceModel model(String id, LocalDate support, LocalDate security, String cost) {
        return new DeviceModel(id, "V", id, "", LifecycleDate.UNKNOWN, LifecycleDate.of(support, "test"),
                LifecycleDate.of(security, "test"), Optional.ofNullable(cost).map(BigDecimal::new));
    }

    @Test
    void supportStatusFollowsTheChosenMilestoneAndHorizon() {
        DeviceModel camera = model("M", LocalDate.of(2028, 6, 30), LocalDate.of(2027, 6, 30), null);
        LocalDate asOf = LocalDate.of(2026, 11, 22);
        assertEquals(SupportState.ENDING_WITHIN_HORIZON, SupportStatus.of(camera, Milestone.END_OF_SECURITY_UPDATES, asOf, 12));
        assertEquals(SupportState.SUPPORTED, SupportStatus.of(camera, Milestone.END_OF_SUPPORT, asOf, 12));
        assertEquals(SupportState.UNSUPPORTED, SupportStatus.of(camera, Milestone.END_OF_SECURITY_UPDATES, LocalDate.of(2027, 6, 30), 12));
        assertEquals(SupportState.UNKNOWN, SupportStatus.of(model("U", null, null, null), Milestone.END_OF_SUPPORT, asOf, 12));
    }

    @Test
    void theReplacementPlanCountsDevicesAndCostPerYear() {
        DeviceModel lamp = model("L", LocalDate.of(2029, 12, 31), LocalDate.of(2028, 6, 30), "180.00");
        DeviceModel unknown = model("U", null, null, "50.00");
        List<Device> devices = List.of(
                device("D1", "L", LocalDate.of(2020, 1, 1), 12, null),   // security ends 2028 before service end 2032
                device("D2", "L", LocalDate.of(2016, 1, 1), 8, null),    // service ended 2024: overdue, due now
                device("D3", "L", LocalDate.of(2020, 1, 1), 12, LocalDate.of(2027, 3, 1)), // planned replacement wins
                device("D4", "U", null, 10, null),                       // no date at all: not in the plan
                device("D5", "U", LocalDate.of(2020, 1, 1), 0, null));   // unknown service life: not due on install
        WorkspaceData data = new WorkspaceData(List.of(), List.of(), List.of(), List.of(lamp, unknown), devices);
        assertEquals(List.of(new PlanYear(2026, 1, new BigDecimal("180.00")), new PlanYear(2027, 1, new BigDecimal("180.00")),
                new PlanYear(2028, 1, new BigDecimal("180.00"))),
                ReplacementPlan.perYear(data, Milestone.END_OF_SECURITY_UPDATES, LocalDate.of(2026, 11, 22)));
    }

    private static Device device(String id, String model, LocalDate installed, int life, LocalDate planned) {
        return new Device(id, model, "", "", Optional.ofNullable(installed), life, "", Criticality.LOW, Optional.empty(),
                Optional.ofNullable(planned));
    }
}
