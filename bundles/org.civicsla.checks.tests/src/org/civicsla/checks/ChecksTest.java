package org.civicsla.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.civicsla.core.check.Check;
import org.civicsla.core.check.CheckContext;
import org.civicsla.core.check.CheckRun;
import org.civicsla.core.check.ClauseEvidence;
import org.civicsla.core.check.Evidence;
import org.civicsla.core.check.ClauseHit;
import org.civicsla.core.check.Finding;
import org.civicsla.core.check.Requirement;
import org.civicsla.core.check.RequirementProfile;
import org.civicsla.core.check.RequirementProfiles;
import org.civicsla.core.check.Status;
import org.civicsla.core.model.ClauseRecord;
import org.civicsla.core.model.ClauseSource;
import org.civicsla.core.model.ClauseState;
import org.civicsla.core.model.Contract;
import org.civicsla.core.model.ContractStatus;
import org.civicsla.core.model.DocumentRef;
import org.civicsla.core.model.Criticality;
import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.LifecycleDate;
import org.civicsla.core.model.Milestone;
import org.civicsla.core.model.RenewalKind;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;
import org.junit.jupiter.api.Test;

class ChecksTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
    private static final Vendor VENDOR = new Vendor("V-1", "Harbourview CCTV", "Cameras", Criticality.HIGH, List.of());

    private static final RequirementProfile PROFILE = new RequirementProfile("test", List.of(Requirement.of("Audit Rights"),
            new Requirement("Breach Notification", Optional.of("notificationHours"), Optional.of(72.0))), 24,
            Milestone.END_OF_SECURITY_UPDATES);

    /** Clause evidence from a map "contract/clause" -> values, as the document index would give it. */
    private static ClauseEvidence evidence(Map<String, Map<String, String>> found) {
        return (contract, clause) -> {
            Map<String, String> values = found.get(contract + "/" + clause);
            return values == null ? List.of()
                    : List.of(new ClauseHit(contract, clause, "documents/" + contract + ".txt", OptionalInt.of(3),
                            "... the clause ...", 0.9, values));
        };
    }

    /** C-1, in force since a year, with one document, documents/C-1.pdf. */
    private static Contract withPdf() {
        return new Contract("C-1", "V-1", "C-1", "Service", Optional.of(AS_OF.minusYears(1)), 36, RenewalKind.AUTOMATIC, 12, 30,
                ContractStatus.ACTIVE, Optional.empty(), "", List.of(),
                List.of(new org.civicsla.core.model.DocumentRef("C-1", "documents/C-1.pdf", "")));
    }

    private static Contract contract(String id, LocalDate start, int noticeDays, List<String> covers) {
        return new Contract(id, "V-1", id, "Service", Optional.ofNullable(start), 36, RenewalKind.AUTOMATIC, 12, noticeDays,
                ContractStatus.ACTIVE, Optional.empty(), "", covers, List.of());
    }

    private static WorkspaceData data(List<ClauseRecord> records, List<DeviceModel> models, List<Device> devices,
            Contract... contracts) {
        return new WorkspaceData(List.of(VENDOR), List.of(contracts), records, models, devices);
    }

    private static Finding step2(WorkspaceData data, ClauseEvidence evidence) {
        List<Finding> findings = new SlaSecurityCheck().evaluate(new CheckContext(data, AS_OF, PROFILE, evidence, () -> false));
        assertEquals(1, findings.size());
        return findings.get(0);
    }

    @Test
    void step2PassesWhenEveryActiveContractCarriesTheRequiredClausesWithinLimits() {
        Finding finding = step2(data(List.of(), List.of(), List.of(), contract("C-1", AS_OF.minusYears(1), 30, List.of())),
                evidence(Map.of("C-1/Audit Rights", Map.of(), "C-1/Breach Notification", Map.of("notificationHours", "72"))));
        assertEquals(Status.PASS, finding.status(), finding.reasons().toString());
        assertEquals(2, finding.evidence().size());
        assertEquals(OptionalInt.of(3), finding.evidence().get(0).page());
    }

    @Test
    void step2FailsOnAMissingClauseAndOnANotificationDeadlineLongerThanRequired() {
        Finding finding = step2(data(List.of(), List.of(), List.of(), contract("C-1", AS_OF.minusYears(1), 30, List.of())),
                evidence(Map.of("C-1/Breach Notification", Map.of("notificationDays", "7"))));
        assertEquals(Status.FAIL, finding.status());
        assertEquals(List.of("C-1: Audit Rights is missing (no contract document attached)",
                "C-1: Breach Notification allows 168 hours, more than the required 72 hours"), finding.reasons());
    }

    @Test
    void aRequiredClauseTypeTheWorkspaceDoesNotDetectIsUnknownNotMissing() {
        ClauseEvidence withoutBreachNotification = new ClauseEvidence() {
            @Override
            public List<ClauseHit> find(String contractId, String clauseType) {
                return List.of(new ClauseHit(contractId, clauseType, "documents/C-1.txt", OptionalInt.empty(), "...", 0.9,
                        Map.of()));
            }

            @Override
            public boolean detects(String clauseType) {
                return !clauseType.equals("Breach Notification");
            }
        };
        Finding finding = step2(data(List.of(), List.of(), List.of(), contract("C-1", AS_OF.minusYears(1), 30, List.of())),
                withoutBreachNotification);
        assertEquals(Status.UNKNOWN, finding.status());
        assertEquals(List.of("C-1: Breach Notification is not a clause type of this workspace; add it to its clauses.yaml"
                + " or record the clause by hand"), finding.reasons());
    }

    @Test
    void step2ShowsTheEvidenceOfTheClauseAReasonIsAboutFirst() {
        Finding finding = step2(data(List.of(), List.of(), List.of(), contract("C-1", AS_OF.minusYears(1), 30, List.of())),
                evidence(Map.of("C-1/Audit Rights", Map.of(), "C-1/Breach Notification", Map.of("notificationDays", "7"))));
        assertEquals(List.of("C-1: Breach Notification allows 168 hours, more than the required 72 hours"), finding.reasons());
        assertEquals(List.of("C-1: Breach Notification", "C-1: Audit Rights"),
                finding.evidence().stream().map(e -> e.description()).toList());
    }

    /**
     * An annex attached after the agreement does not hide the agreement's 168-hour deadline, whether it names no
     * deadline (and is found surer) or a shorter one; the agreement's own passage is the evidence quoted.
     */
    @Test
    void theWeakestDeadlineSignedIsJudgedWhateverTheOtherDocumentsSay() {
        Contract twoDocuments = new Contract("C-1", "V-1", "C-1", "Service", Optional.of(AS_OF.minusYears(1)), 36,
                RenewalKind.AUTOMATIC, 12, 30, ContractStatus.ACTIVE, Optional.empty(), "", List.of(),
                List.of(new DocumentRef("C-1", "documents/agreement.txt", ""), new DocumentRef("C-1", "documents/annex.pdf", "")));
        for (Map<String, String> annex : List.of(Map.<String, String>of(), Map.of("notificationHours", "24"))) {
            ClauseEvidence both = new ClauseEvidence() {
                @Override
                public List<ClauseHit> find(String contractId, String clauseType) {
                    ClauseHit agreement = new ClauseHit(contractId, clauseType, "documents/agreement.txt", OptionalInt.empty(),
                            "agreement", 0.7, clauseType.equals("Breach Notification") ? Map.of("notificationDays", "7") : Map.of());
                    ClauseHit annexHit = new ClauseHit(contractId, clauseType, "documents/annex.pdf", OptionalInt.of(54), "annex",
                            0.99, clauseType.equals("Breach Notification") ? annex : Map.of());
                    return List.of(annexHit, agreement); // the index's order: surest first
                }
            };
            Finding finding = step2(data(List.of(), List.of(), List.of(), twoDocuments), both);
            assertEquals(Status.FAIL, finding.status(), annex.toString());
            assertEquals(List.of("C-1: Breach Notification allows 168 hours, more than the required 72 hours"), finding.reasons());
            assertEquals(List.of("agreement", "agreement"), finding.evidence().stream().map(Evidence::snippet).toList(),
                    "the agreement's passages, before the annex's");
        }
    }

    @Test
    void step2WarnsWhenTheDeadlineIsNotStated() {
        Finding finding = step2(data(List.of(), List.of(), List.of(), contract("C-1", AS_OF.minusYears(1), 30, List.of())),
                evidence(Map.of("C-1/Audit Rights", Map.of(), "C-1/Breach Notification", Map.of())));
        assertEquals(Status.WARNING, finding.status());
        assertEquals(List.of("C-1: Breach Notification states no notification time (required: at most 72 hours)"), finding.reasons());
    }

    @Test
    void clauseRecordsEnteredByHandWinOverTheIndex() {
        List<ClauseRecord> records = List.of(
                new ClauseRecord("C-1", "Audit Rights", ClauseState.WAIVED, "Vendor hosts no city data", "", "", ClauseSource.MANUAL),
                new ClauseRecord("C-1", "Breach Notification", ClauseState.MISSING, "", "", "", ClauseSource.MANUAL));
        Finding finding = step2(data(records, List.of(), List.of(), contract("C-1", AS_OF.minusYears(1), 30, List.of())),
                evidence(Map.of("C-1/Breach Notification", Map.of("notificationHours", "24"))));
        assertEquals(Status.FAIL, finding.status());
        assertEquals(List.of("C-1: Breach Notification is missing (recorded by hand)"), finding.reasons());
        assertEquals("C-1: Audit Rights waived: Vendor hosts no city data", finding.evidence().get(0).description());
    }

    private static DeviceModel model(String id, LocalDate securityEnd) {
        return new DeviceModel(id, "V-1", "Camera " + id, "Camera", LifecycleDate.UNKNOWN, LifecycleDate.UNKNOWN,
                securityEnd == null ? LifecycleDate.UNKNOWN : LifecycleDate.of(securityEnd, "vendor notice"),
                Optional.of(new BigDecimal("900.00")));
    }

    private static Device device(String id, String model, LocalDate installed, LocalDate planned) {
        return new Device(id, model, "", "Harbour", Optional.ofNullable(installed), 10, "1.0", Criticality.MEDIUM,
                Optional.empty(), Optional.ofNullable(planned));
    }

    private static Finding step5(WorkspaceData data, ClauseEvidence evidence) {
        List<Finding> findings = new LifecycleCheck().evaluate(new CheckContext(data, AS_OF, PROFILE, evidence, () -> false));
        assertEquals(1, findings.size());
        return findings.get(0);
    }

    private static final ClauseEvidence LIFECYCLE_CLAUSES = evidence(Map.of("C-1/Warranty Duration", Map.of(),
            "C-1/Support Period And End Of Life Notice", Map.of(), "C-1/Post-Termination Services", Map.of()));

    @Test
    void step5FailsForUnsupportedDevicesAndDevicesGoingUnsupportedBeforeTheirServiceEnd() {
        WorkspaceData data = data(List.of(), List.of(model("OLD", LocalDate.of(2025, 1, 1)), model("SOON", LocalDate.of(2027, 6, 30))),
                List.of(device("D-1", "OLD", LocalDate.of(2020, 1, 1), null),
                        device("D-2", "SOON", LocalDate.of(2022, 1, 1), null),
                        device("D-3", "SOON", LocalDate.of(2022, 1, 1), LocalDate.of(2027, 1, 1)),
                        // Replacements planned after the date: the devices are unsupported until then, and said so.
                        device("D-4", "OLD", LocalDate.of(2020, 1, 1), LocalDate.of(2030, 6, 30)),
                        device("D-5", "OLD", LocalDate.of(2020, 1, 1), LocalDate.of(2029, 1, 1)),
                        device("D-6", "SOON", LocalDate.of(2022, 1, 1), LocalDate.of(2027, 7, 1))),
                contract("C-1", LocalDate.of(2026, 3, 1), 30, List.of()));
        Finding finding = step5(data, LIFECYCLE_CLAUSES);
        assertEquals(Status.FAIL, finding.status());
        assertTrue(finding.reasons().contains("1 devices of Camera OLD are past end of security updates (2025-01-01) with no replacement planned"),
                finding.reasons().toString());
        assertTrue(finding.reasons().contains("1 devices of Camera SOON reach end of security updates on 2027-06-30, before their "
                + "planned service end, with no replacement planned"), finding.reasons().toString());
        assertTrue(finding.reasons().contains("2 devices of Camera OLD are past end of security updates (2025-01-01) with their "
                + "replacement planned only after it (the last on 2030-06-30)"), finding.reasons().toString());
        assertTrue(finding.reasons().contains("1 devices of Camera SOON reach end of security updates on 2027-06-30, before their "
                + "planned service end, with their replacement planned only after it (the last on 2027-07-01)"),
                finding.reasons().toString());
        assertTrue(finding.evidence().stream().anyMatch(e -> e.description().contains("source: vendor notice")
                && e.snippet().equals("devices: D-2, D-6")), finding.evidence().toString());
    }

    @Test
    void step5WarnsOnUnknownDatesMissingLifecycleTermsAndComingNoticeDeadlines() {
        // Started 2024-01-01 for 36 months: ends 2027-01-01, 30 days notice -> deadline 2026-12-01, within 90 days.
        WorkspaceData data = data(List.of(), List.of(model("UNK", null)), List.of(device("D-1", "UNK", LocalDate.of(2022, 1, 1), null)),
                contract("C-1", LocalDate.of(2024, 1, 1), 30, List.of()));
        Finding finding = step5(data, evidence(Map.of("C-1/Warranty Duration", Map.of())));
        assertEquals(Status.WARNING, finding.status());
        assertEquals(List.of("C-1: notice deadline 2026-12-01 (automatic renewal, 30 days' notice)",
                "1 devices of Camera UNK have no known end of security updates date",
                "C-1: no support period and end of life notice clause (no contract document attached)",
                "C-1: no post-termination services clause (no contract document attached)"), finding.reasons());
    }

    @Test
    void step5WarnsOfNoticeDeadlinesSoonestFirstAndSaysWhenAPlannedReplacementDateHasPassed() {
        // Notice deadlines 2026-12-01 (C-LATE: renews 2027-01-01, 30 days' notice) and 2026-11-29 (C-SOON: renews
        // 2027-01-29, 60 days' notice), within 90 days of 2026-11-22; the one that comes first is listed first, whatever the order of the contracts.
        WorkspaceData deadlines = data(List.of(), List.of(), List.of(), contract("C-LATE", LocalDate.of(2024, 1, 1), 30, List.of()),
                contract("C-SOON", LocalDate.of(2024, 1, 29), 60, List.of()));
        Finding due = step5(deadlines, evidence(Map.of("C-LATE/Warranty Duration", Map.of(),
                "C-LATE/Support Period And End Of Life Notice", Map.of(), "C-LATE/Post-Termination Services", Map.of(),
                "C-SOON/Warranty Duration", Map.of(), "C-SOON/Support Period And End Of Life Notice", Map.of(),
                "C-SOON/Post-Termination Services", Map.of())));
        assertEquals(Status.WARNING, due.status(), "a decision due within 90 days is no pass");
        assertEquals(List.of("C-SOON: notice deadline 2026-11-29 (automatic renewal, 60 days' notice)",
                "C-LATE: notice deadline 2026-12-01 (automatic renewal, 30 days' notice)"), due.reasons());
        // A replacement planned after the end of security updates, for a date that has gone by with the device still there.
        Finding past = step5(data(List.of(), List.of(model("OLD", LocalDate.of(2025, 1, 1))),
                List.of(device("D-1", "OLD", LocalDate.of(2020, 1, 1), LocalDate.of(2026, 3, 1))),
                contract("C-1", LocalDate.of(2026, 3, 1), 30, List.of())), LIFECYCLE_CLAUSES);
        assertEquals(Status.FAIL, past.status());
        assertEquals(List.of("1 devices of Camera OLD are past end of security updates (2025-01-01) with their replacement"
                + " planned only after it (the last planned for 2026-03-01, a date now past)"), past.reasons());
    }

    @Test
    void step5HasNothingToPassForAVendorWithoutDevicesWhoseContractsEnded() {
        Contract ended = new Contract("C-ENDED", "V-1", "C-ENDED", "Service", Optional.of(AS_OF.minusYears(5)), 24,
                RenewalKind.NONE, 0, 0, ContractStatus.ACTIVE, Optional.empty(), "", List.of(), List.of());
        Finding finding = step5(data(List.of(), List.of(), List.of(), ended), ClauseEvidence.NONE);
        assertEquals(Status.UNKNOWN, finding.status());
        assertEquals(List.of("no devices and no contract in force to check (C-ENDED ended " + AS_OF.minusYears(3) + ")"),
                finding.reasons());
        Finding none = step5(data(List.of(), List.of(), List.of()), ClauseEvidence.NONE);
        assertEquals(List.of("no devices and no contract in force to check"), none.reasons());
    }

    @Test
    void step5JudgesLifeCycleClausesAsStep2Does() {
        Contract withDocument = withPdf();
        // Its only document could not be read: the life-cycle terms are unknown, not missing.
        Finding unread = step5(data(List.of(), List.of(), List.of(), withDocument),
                org.civicsla.checks.tck.CheckContractTest.unreadable("is encrypted with a password; save an unprotected copy"));
        assertEquals(Status.UNKNOWN, unread.status(), unread.reasons().toString());
        assertEquals(List.of("C-1: Warranty Duration not found, but documents/C-1.pdf (is encrypted with a password; save an"
                + " unprotected copy) could not be read",
                "C-1: Support Period And End Of Life Notice not found, but documents/C-1.pdf (is encrypted with a password; save"
                        + " an unprotected copy) could not be read",
                "C-1: Post-Termination Services not found, but documents/C-1.pdf (is encrypted with a password; save an"
                        + " unprotected copy) could not be read"), unread.reasons());
        // Found in the document: the passage is quoted. Recorded missing by hand: missing, whatever the document says.
        List<ClauseRecord> records = List.of(new ClauseRecord("C-1", "Post-Termination Services", ClauseState.MISSING, "", "",
                "", ClauseSource.MANUAL));
        Finding found = step5(data(records, List.of(), List.of(), withDocument), LIFECYCLE_CLAUSES);
        assertEquals(Status.WARNING, found.status());
        assertEquals(List.of("C-1: no post-termination services clause (recorded by hand)"), found.reasons());
        assertTrue(found.evidence().stream().anyMatch(e -> e.description().startsWith("C-1: Warranty Duration")
                && e.snippet().equals("... the clause ...")), found.evidence().toString());
    }

    @Test
    void step5WarnsWhenAContractBindsTheCityPastTheSupportOfWhatItCovers() {
        WorkspaceData data = data(List.of(), List.of(model("CAM", LocalDate.of(2030, 1, 1))), List.of(),
                contract("C-1", LocalDate.of(2028, 1, 1), 30, List.of("CAM")));
        Finding finding = step5(data, LIFECYCLE_CLAUSES);
        assertEquals(Status.WARNING, finding.status());
        assertEquals(List.of("C-1 runs through 2030-12-31, past the end of security updates of Camera CAM (2030-01-01)"),
                finding.reasons());
        // Its last day the same as the last day of security updates: nothing runs past them.
        Finding together = step5(data(List.of(), List.of(model("CAM", LocalDate.of(2030, 12, 31))), List.of(),
                contract("C-1", LocalDate.of(2028, 1, 1), 30, List.of("CAM"))), LIFECYCLE_CLAUSES);
        assertTrue(together.reasons().stream().noneMatch(r -> r.contains("runs through")), together.reasons().toString());
    }

    /** A plugin check that breaks in the way plugin checks break. */
    private record Broken(String id, int step, boolean slow) implements Check {
        @Override
        public String title() {
            return id;
        }

        @Override
        public List<Finding> evaluate(CheckContext context) {
            if (slow) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of();
            }
            throw new IllegalStateException("boom");
        }
    }

    @Test
    void aFailingOrSlowCheckIsReportedAndNeverBreaksTheOthers() {
        CheckEngine engine = new CheckEngine(List.of(new SlaSecurityCheck(), new Broken("plugin.throws", 4, false),
                new Broken("plugin.hangs", 9, true)), 2_000);
        WorkspaceData data = data(List.of(), List.of(), List.of(), contract("C-1", AS_OF.minusYears(1), 30, List.of()));
        CheckRun run = engine.run(data, AS_OF, PROFILE, ClauseEvidence.NONE, List.of(), () -> false);
        assertEquals(1, run.findings().size());
        assertEquals(Status.FAIL, run.findings().get(0).status());
        List<String> failures = new ArrayList<>();
        run.failures().forEach(f -> failures.add(f.checkId() + ": " + f.message()));
        assertEquals(List.of("plugin.throws: failed: IllegalStateException: boom",
                "plugin.hangs: did not finish within 2.0 s; its findings are missing"), failures);
        Matrix matrix = Matrix.of(data, run);
        assertEquals(List.of(2, 4, 9), matrix.steps());
        assertEquals(Status.UNKNOWN, matrix.cell("V-1", 4).orElseThrow().status());
        assertEquals(Status.FAIL, matrix.worst("V-1"));
    }

    @Test
    void recheckingTheChangedVendorGivesWhatAFullRunGives() {
        Vendor other = new Vendor("V-2", "Other", "", Criticality.LOW, List.of());
        Contract mine = contract("C-1", AS_OF.minusYears(1), 30, List.of());
        Contract theirs = new Contract("C-2", "V-2", "C-2", "", Optional.of(AS_OF.minusYears(1)), 36, RenewalKind.NONE, 0, 0,
                ContractStatus.ACTIVE, Optional.empty(), "", List.of(), List.of());
        WorkspaceData before = new WorkspaceData(List.of(VENDOR, other), List.of(mine, theirs), List.of(), List.of(), List.of());
        ClauseEvidence evidence = evidence(Map.of("C-2/Audit Rights", Map.of(), "C-2/Breach Notification",
                Map.of("notificationHours", "24")));
        CheckEngine engine = new CheckEngine(List.of(new SlaSecurityCheck(), new LifecycleCheck()), 10_000);
        CheckRun first = engine.run(before, AS_OF, PROFILE, evidence, List.of(), () -> false);
        // V-2's contract loses its audit clause; only V-2 is re-checked.
        ClauseEvidence after = evidence(Map.of("C-2/Breach Notification", Map.of("notificationHours", "24")));
        CheckRun rechecked = engine.recheck(first, before, java.util.Set.of("V-2"), after, List.of(), () -> false);
        CheckRun full = engine.run(before, AS_OF, PROFILE, after, List.of(), () -> false);
        assertEquals(new java.util.HashSet<>(full.findings()), new java.util.HashSet<>(rechecked.findings()));
        assertEquals(Status.FAIL, Matrix.of(before, rechecked).cell("V-2", 2).orElseThrow().status());
    }

    @Test
    void savedRunsLoadBackAndTheDiffSaysWhatGotBetterOrWorse(@org.junit.jupiter.api.io.TempDir java.nio.file.Path workspace)
            throws IOException {
        CheckEngine engine = new CheckEngine(List.of(new SlaSecurityCheck()), 10_000);
        WorkspaceData data = data(List.of(), List.of(), List.of(), contract("C-1", AS_OF.minusYears(1), 30, List.of()));
        CheckRun failing = engine.run(data, AS_OF, PROFILE, evidence(Map.of("C-1/Breach Notification",
                Map.of("notificationDays", "7"))), List.of(), () -> false);
        CheckRun passing = engine.run(data, AS_OF.plusDays(1), PROFILE, evidence(Map.of("C-1/Audit Rights", Map.of(),
                "C-1/Breach Notification", Map.of("notificationHours", "48"))), List.of(), () -> false);
        RunHistory history = new RunHistory(workspace);
        java.nio.file.Path first = history.save(failing);
        history.save(passing);
        assertEquals(2, history.runs().size());
        assertEquals(failing, RunHistory.load(first));

        List<RunDiff.Change> changes = RunDiff.between(RunHistory.load(history.runs().get(0)),
                RunHistory.load(history.runs().get(1)));
        assertEquals(1, changes.size());
        RunDiff.Change change = changes.get(0);
        assertEquals(RunDiff.Direction.BETTER, change.direction());
        assertEquals(Status.FAIL, change.before());
        assertEquals(Status.PASS, change.after());
        assertTrue(change.resolvedReasons().contains("C-1: Breach Notification allows 168 hours, more than the required 72 hours"),
                change.resolvedReasons().toString());
        // A step only one run checked (--steps 2 against both steps) is not a change from or to "unknown".
        CheckEngine both = new CheckEngine(List.of(new SlaSecurityCheck(), new LifecycleCheck()), 10_000);
        CheckRun all = both.run(data, AS_OF, PROFILE, ClauseEvidence.NONE, List.of(), () -> false);
        CheckRun step2 = both.run(data, AS_OF, PROFILE, ClauseEvidence.NONE, List.of(2), () -> false);
        assertEquals(List.of(), RunDiff.between(step2, all));
        assertEquals(java.util.Set.of(5), RunDiff.notCompared(step2, all));
        java.nio.file.Path broken = java.nio.file.Files.writeString(workspace.resolve("runs/broken.json"), "{\"ranAt\": 3}");
        IOException error = assertThrows(IOException.class, () -> RunHistory.load(broken));
        assertTrue(error.getMessage().startsWith("broken.json: not a saved check run"), error.getMessage());
        // Said in a user's words, not the JVM's ("Cannot invoke Map.get because profile is null", "Input length = 1").
        java.nio.file.Path empty = java.nio.file.Files.writeString(workspace.resolve("runs/empty.json"), "{}");
        assertEquals("empty.json: not a saved check run (a field is missing or not of its kind; runs are saved by 'civicsla"
                + " check' in the workspace's runs/ folder)", assertThrows(IOException.class, () -> RunHistory.load(empty))
                        .getMessage());
        java.nio.file.Path binary = java.nio.file.Files.write(workspace.resolve("runs/binary.json"),
                new byte[] { '{', (byte) 0xFF, (byte) 0xFE, '}' });
        assertEquals("binary.json: not a saved check run (not UTF-8 text)",
                assertThrows(IOException.class, () -> RunHistory.load(binary)).getMessage());
    }

    @Test
    void onlyTheRequestedStepsRun() {
        CheckEngine engine = new CheckEngine(List.of(new SlaSecurityCheck(), new LifecycleCheck()), 10_000);
        WorkspaceData data = data(List.of(), List.of(), List.of(), contract("C-1", AS_OF.minusYears(1), 30, List.of()));
        CheckRun run = engine.run(data, AS_OF, PROFILE, ClauseEvidence.NONE, List.of(5), () -> false);
        assertTrue(run.findings().stream().allMatch(f -> f.step() == 5));
    }

    @Test
    void profilesRoundTripAndBadFilesNameTheKey() throws IOException {
        StringWriter written = new StringWriter();
        RequirementProfiles.write(RequirementProfiles.defaultProfile(), written);
        assertTrue(written.toString().contains("require.3 = Breach Notification | notificationHours <= 72"), written.toString());
        assertEquals(RequirementProfiles.defaultProfile(),
                RequirementProfiles.read(new StringReader(written.toString()), "default.properties"));
        IOException bad = assertThrows(IOException.class, () -> RequirementProfiles
                .read(new StringReader("require.1 = Breach Notification | notificationHours < 72\n"), "city.properties"));
        assertEquals("city.properties, require.1: write a limit as 'valueKey <= number', e.g. notificationHours <= 72",
                bad.getMessage());
        // A YAML file, or a misspelt key, read as properties must not quietly require nothing.
        IOException yaml = assertThrows(IOException.class, () -> RequirementProfiles
                .read(new StringReader("garbage: [\nrequire.1 = Audit Rights\n"), "city.yaml"));
        assertTrue(yaml.getMessage().startsWith("city.yaml: unknown key 'garbage'; a profile has the lines name"), yaml.getMessage());
        IOException none = assertThrows(IOException.class, () -> RequirementProfiles
                .read(new StringReader("name = Empty\nhorizonMonths = 12\n"), "empty.properties"));
        assertTrue(none.getMessage().startsWith("empty.properties: requires no clause type"), none.getMessage());
    }

    @Test
    void aClauseNotFoundInADocumentThatCouldNotBeReadIsUnknownNotMissing() {
        Contract contract = withPdf();
        Finding finding = step2(data(List.of(), List.of(), List.of(), contract),
                org.civicsla.checks.tck.CheckContractTest.unreadable("is encrypted with a password; save an unprotected copy"));
        assertEquals(Status.UNKNOWN, finding.status());
        assertTrue(finding.reasons().contains("C-1: Audit Rights not found, but documents/C-1.pdf (is encrypted with a"
                + " password; save an unprotected copy) could not be read"), finding.reasons().toString());
        assertTrue(finding.reasons().stream().noneMatch(r -> r.contains("missing")), finding.reasons().toString());
    }

    @Test
    void aContractThatEndedBeforeTheDateIsNotJudged() {
        // Ended without renewal before the date, its status never updated: it no longer binds the vendor.
        Contract ended = new Contract("C-ENDED", "V-1", "C-ENDED", "Service", Optional.of(AS_OF.minusYears(5)), 24,
                RenewalKind.NONE, 0, 0, ContractStatus.ACTIVE, Optional.empty(), "", List.of(), List.of());
        Finding finding = step2(data(List.of(), List.of(), List.of(), ended), ClauseEvidence.NONE);
        assertEquals(Status.UNKNOWN, finding.status(), finding.reasons().toString());
        // The reason names the contract that does not count and why: elsewhere it is still listed as active.
        assertEquals(List.of("no contract in force to check (C-ENDED ended " + AS_OF.minusYears(3) + ")"),
                finding.reasons());
        // As of a date within its term it is judged; so are one renewing automatically and one signed to start later.
        Finding before = new SlaSecurityCheck().evaluate(new CheckContext(data(List.of(), List.of(), List.of(), ended),
                AS_OF.minusYears(4), PROFILE, ClauseEvidence.NONE, () -> false)).get(0);
        assertTrue(before.reasons().stream().anyMatch(r -> r.startsWith("C-ENDED")), before.reasons().toString());
        Contract renewing = contract("C-RENEWING", AS_OF.minusYears(6), 30, List.of());
        Contract later = contract("C-LATER", AS_OF.plusMonths(2), 30, List.of());
        Finding judged = step2(data(List.of(), List.of(), List.of(), ended, renewing, later), ClauseEvidence.NONE);
        assertEquals(Status.FAIL, judged.status());
        assertTrue(judged.reasons().stream().noneMatch(r -> r.startsWith("C-ENDED")), judged.reasons().toString());
        assertTrue(judged.reasons().stream().anyMatch(r -> r.startsWith("C-RENEWING"))
                && judged.reasons().stream().anyMatch(r -> r.startsWith("C-LATER")), judged.reasons().toString());
    }

    /** A run of one step-2 finding, failing {@code vendor} for {@code reasons}. */
    private static CheckRun failing(Vendor vendor, List<String> reasons) {
        return new CheckRun(java.time.Instant.parse("2026-11-22T10:00:00Z"), AS_OF, PROFILE,
                List.of(new Finding("x", 2, vendor.id(), Optional.empty(), Optional.empty(), Status.FAIL, null, reasons,
                        List.of(Evidence.of(Evidence.Kind.CLAUSE_RECORD, "C-1: Audit Rights waived")))), List.of());
    }

    private static WorkspaceData only(Vendor vendor) {
        return new WorkspaceData(List.of(vendor), List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void csvAndJsonQuoteWhatTheyMust() throws IOException {
        Vendor tricky = new Vendor("V-9", "Smith, \"Jones\" & Co", "", Criticality.LOW, List.of());
        WorkspaceData data = only(tricky);
        CheckRun run = failing(tricky, List.of("line one\nline \"two\""));
        Matrix matrix = Matrix.of(data, run);
        StringWriter csv = new StringWriter();
        CheckResultFormat.csv(matrix, csv);
        assertEquals("vendor_id,vendor,step,status,reasons\nV-9,\"Smith, \"\"Jones\"\" & Co\",2,fail,\"line one\nline \"\"two\"\"\"\n",
                csv.toString());
        StringWriter json = new StringWriter();
        CheckResultFormat.json(matrix, run, data, json);
        assertTrue(json.toString().contains("\"vendor\": \"Smith, \\\"Jones\\\" & Co\""), json.toString());
        assertTrue(json.toString().contains("\"reasons\": [\"line one\\nline \\\"two\\\"\"]"), json.toString());
        // Each finding with the check that made it: two checks may answer one step.
        assertTrue(json.toString().contains("\"findings\": [{\"check\": \"x\", \"status\": \"fail\", \"reasons\": [\"line one"),
                json.toString());
        assertTrue(json.toString().contains("\"evidence\": [{\"check\": \"x\", \"kind\": \"clause_record\", \"description\": "
                + "\"C-1: Audit Rights waived\"}]"), json.toString());
    }

    /** A vendor's name or a reason starting with = + - @ would run as a formula where the CSV is opened: it stays text. */
    @Test
    void csvKeepsFormulaLikeTextAsText() throws IOException {
        Vendor hostile = new Vendor("V-7", "=HYPERLINK(\"http://example.invalid\",\"x\")", "", Criticality.LOW, List.of());
        StringWriter csv = new StringWriter();
        CheckResultFormat.csv(Matrix.of(only(hostile), failing(hostile, List.of("@SUM(A1)", "ok"))), csv);
        assertEquals("vendor_id,vendor,step,status,reasons\n"
                + "V-7,\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\",2,fail,'@SUM(A1); ok\n", csv.toString());
    }

    @Test
    void aCellWithoutFindingsSaysTheStepWasNotChecked() throws IOException {
        Vendor idle = new Vendor("V-3", "Dormant Supplies", "", Criticality.LOW, List.of());
        WorkspaceData data = new WorkspaceData(List.of(VENDOR, idle), List.of(), List.of(), List.of(), List.of());
        CheckRun run = new CheckRun(java.time.Instant.parse("2026-11-22T10:00:00Z"), AS_OF, PROFILE,
                List.of(new Finding("x", 4, "V-1", Optional.empty(), Optional.empty(), Status.PASS, null,
                        List.of("devices are updated"), List.of())), List.of());
        StringWriter csv = new StringWriter();
        CheckResultFormat.csv(Matrix.of(data, run), csv);
        assertEquals("vendor_id,vendor,step,status,reasons\nV-1,Harbourview CCTV,4,pass,devices are updated\n"
                + "V-3,Dormant Supplies,4,unknown,no findings: this step was not checked for this vendor\n", csv.toString());
    }

}
