package org.civicsla.checks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.civicsla.core.check.Check;
import org.civicsla.core.check.CheckContext;
import org.civicsla.core.check.ClauseVerdict;
import org.civicsla.core.check.ClauseVerdicts;
import org.civicsla.core.check.Evidence;
import org.civicsla.core.check.Finding;
import org.civicsla.core.check.Severity;
import org.civicsla.core.check.Status;
import org.civicsla.core.lifecycle.ContractTerms;
import org.civicsla.core.lifecycle.SupportStatus;
import org.civicsla.core.model.Contract;
import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.Milestone;
import org.civicsla.core.model.Vendor;
import org.osgi.service.component.annotations.Component;

/**
 * Step 5: a vendor's devices stay supported for their planned service life or have a replacement
 * planned; their life-cycle dates are known; its contracts carry warranty, support-period and
 * end-of-life notice, and post-termination terms; contracts do not bind the city past the support
 * of the devices they cover; notice deadlines coming up are flagged. Devices are reported per model,
 * so 5,000 devices make a handful of lines.
 */
@Component(service = Check.class)
public final class LifecycleCheck implements Check {

    public static final String ID = "step5.lifecycle";

    /** Clause types a contract must carry for step 5. */
    static final List<String> LIFECYCLE_CLAUSES = List.of("Warranty Duration", "Support Period And End Of Life Notice",
            "Post-Termination Services");

    private static final int NOTICE_WARNING_DAYS = 90;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int step() {
        return 5;
    }

    @Override
    public String title() {
        return "Device life cycle and life-cycle terms of contracts";
    }

    /** "the last on 2030-06-30", or, for a date already gone by with the devices still there, "the last planned for ...". */
    private static String lastPlanned(LocalDate last, LocalDate asOf) {
        return last.isBefore(asOf) ? "the last planned for " + last + ", a date now past" : "the last on " + last;
    }

    @Override
    public List<Finding> evaluate(CheckContext context) {
        Vendors index = new Vendors(context.data(), context.asOf());
        ClauseVerdicts verdicts = ClauseVerdicts.of(context);
        Milestone milestone = context.profile().milestone();
        String milestoneName = milestone == Milestone.END_OF_SUPPORT ? "end of support" : "end of security updates";
        LocalDate asOf = context.asOf();
        LocalDate horizon = asOf.plusMonths(context.profile().planningHorizonMonths());
        List<Finding> findings = new ArrayList<>();
        for (Vendor vendor : context.data().vendors()) {
            if (context.cancelled().getAsBoolean()) {
                break;
            }
            Status status = Status.PASS;
            List<String> reasons = new ArrayList<>();
            List<Evidence> evidence = new ArrayList<>();
            Map<String, Optional<LocalDate>> supportEndByModel = new HashMap<>();
            int devicesChecked = 0;
            List<java.util.Map.Entry<LocalDate, String>> deadlines = new ArrayList<>();
            for (DeviceModel model : index.models.values()) {
                if (!model.vendorId().equals(vendor.id())) {
                    continue;
                }
                List<Device> devices = index.devicesByModel.getOrDefault(model.id(), List.of());
                Optional<LocalDate> end = SupportStatus.supportEnd(model, milestone);
                supportEndByModel.put(model.id(), end);
                devicesChecked += devices.size();
                if (devices.isEmpty()) {
                    continue;
                }
                if (end.isEmpty()) {
                    status = status.worst(Status.WARNING);
                    reasons.add(devices.size() + " devices of " + model.model() + " have no known " + milestoneName + " date");
                    continue;
                }
                LocalDate endDate = end.get();
                String source = milestone == Milestone.END_OF_SUPPORT ? model.endOfSupport().source()
                        : model.endOfSecurityUpdates().source();
                int unsupported = 0;
                int beforeServiceEndUnplanned = 0;
                // A replacement planned after the date leaves the device unsupported until then: counted apart, so that
                // neither "no replacement planned" nor the plan's "replacement planned" is taken for the whole story.
                int unsupportedLate = 0;
                int beforeServiceEndLate = 0;
                Optional<LocalDate> latestLate = Optional.empty();
                List<String> ids = new ArrayList<>();
                for (Device device : devices) {
                    boolean planned = device.plannedReplacement().filter(r -> !r.isAfter(endDate)).isPresent();
                    Optional<LocalDate> late = device.plannedReplacement().filter(r -> r.isAfter(endDate));
                    if (!endDate.isAfter(asOf)) {
                        if (!planned) {
                            if (late.isPresent()) {
                                unsupportedLate++;
                            } else {
                                unsupported++;
                            }
                            ids.add(device.id());
                        }
                    } else if (!endDate.isAfter(horizon) && !planned
                            && device.plannedServiceEnd().map(s -> s.isAfter(endDate)).orElse(true)) {
                        if (late.isPresent()) {
                            beforeServiceEndLate++;
                        } else {
                            beforeServiceEndUnplanned++;
                        }
                        ids.add(device.id());
                    } else {
                        continue;
                    }
                    if (late.isPresent() && (latestLate.isEmpty() || late.get().isAfter(latestLate.get()))) {
                        latestLate = late;
                    }
                }
                if (unsupported > 0) {
                    status = Status.FAIL;
                    reasons.add(unsupported + " devices of " + model.model() + " are past " + milestoneName + " (" + endDate
                            + ") with no replacement planned");
                }
                if (unsupportedLate > 0) {
                    status = Status.FAIL;
                    reasons.add(unsupportedLate + " devices of " + model.model() + " are past " + milestoneName + " (" + endDate
                            + ") with their replacement planned only after it (" + lastPlanned(latestLate.orElseThrow(), asOf) + ")");
                }
                if (beforeServiceEndUnplanned > 0) {
                    status = status.worst(Status.FAIL);
                    reasons.add(beforeServiceEndUnplanned + " devices of " + model.model() + " reach " + milestoneName
                            + " on " + endDate + ", before their planned service end, with no replacement planned");
                }
                if (beforeServiceEndLate > 0) {
                    status = status.worst(Status.FAIL);
                    reasons.add(beforeServiceEndLate + " devices of " + model.model() + " reach " + milestoneName
                            + " on " + endDate + ", before their planned service end, with their replacement planned only after"
                            + " it (" + lastPlanned(latestLate.orElseThrow(), asOf) + ")");
                }
                unsupported += unsupportedLate;
                beforeServiceEndUnplanned += beforeServiceEndLate;
                if (unsupported + beforeServiceEndUnplanned > 0) {
                    evidence.add(new Evidence(Evidence.Kind.DATE, model.model() + ": " + milestoneName + " " + endDate
                            + (source.isEmpty() ? "" : " (source: " + source + ")"), Optional.empty(), OptionalInt.empty(),
                            "devices: " + String.join(", ", ids.subList(0, Math.min(ids.size(), 20)))
                                    + (ids.size() > 20 ? " and " + (ids.size() - 20) + " more" : "")));
                }
            }
            for (Contract contract : index.activeContracts.getOrDefault(vendor.id(), List.of())) {
                for (String clause : LIFECYCLE_CLAUSES) {
                    // Judged as step 2 judges clauses: a clause not found in a document that could not be read (or of
                    // a type the workspace no longer detects) is unknown, not missing; a found one is quoted.
                    ClauseVerdict verdict = verdicts.verdict(contract, clause);
                    switch (verdict.status()) {
                        case PASS, WARNING -> evidence.addAll(verdict.evidence());
                        case UNKNOWN -> {
                            status = status.worst(Status.UNKNOWN);
                            reasons.add(verdict.reason().orElseThrow());
                        }
                        case FAIL -> {
                            // Missing life-cycle terms are a warning in step 5, not a failure.
                            status = status.worst(Status.WARNING);
                            reasons.add(contract.id() + ": no " + clause.toLowerCase(java.util.Locale.ROOT) + " clause"
                                    + (verdict.byHand() ? " (recorded by hand)"
                                            : contract.documents().isEmpty() ? " (no contract document attached)" : ""));
                        }
                    }
                }
                Optional<LocalDate> commitment = ContractTerms.endOfCommitment(contract, asOf);
                for (String covered : contract.covers()) {
                    Optional<LocalDate> supportEnd = supportEndByModel.getOrDefault(covered, Optional.empty());
                    // The contract's last day (its end is the day after) against the last day of support.
                    Optional<LocalDate> lastDay = commitment.map(end -> end.minusDays(1));
                    if (lastDay.isPresent() && supportEnd.isPresent() && lastDay.get().isAfter(supportEnd.get())) {
                        status = status.worst(Status.WARNING);
                        reasons.add(contract.id() + " runs through " + lastDay.get() + ", past the " + milestoneName + " of "
                                + index.models.get(covered).model() + " (" + supportEnd.get() + ")");
                    }
                }
                Optional<LocalDate> due = ContractTerms.nextNoticeDeadline(contract, asOf)
                        .filter(deadline -> !deadline.isAfter(asOf.plusDays(NOTICE_WARNING_DAYS)));
                if (due.isPresent()) {
                    // A decision to take by a date (renew, or give notice): something to act on, so not a pass.
                    status = status.worst(Status.WARNING);
                    // Worded without the run's date ("in 9 days"): runs of different days are compared reason by reason.
                    deadlines.add(java.util.Map.entry(due.get(), contract.id() + ": notice deadline " + due.get() + " ("
                            + contract.renewal().name().toLowerCase(java.util.Locale.ROOT) + " renewal, "
                            + contract.noticeDays() + " days' notice)"));
                    evidence.add(Evidence.of(Evidence.Kind.DATE, contract.id() + " notice deadline " + due.get()));
                }
            }
            // First, soonest first: what must be done by a date comes before what is the case, and a list cut short
            // ("and 1 more") must not cut off the deadline nearest.
            deadlines.sort(java.util.Map.Entry.comparingByKey());
            reasons.addAll(0, deadlines.stream().map(java.util.Map.Entry::getValue).toList());
            boolean noContract = index.activeContracts.getOrDefault(vendor.id(), List.of()).isEmpty();
            if (status == Status.PASS && devicesChecked == 0 && noContract) {
                // Nothing to judge: no pass for a vendor whose contracts have all ended (step 2 says unknown too).
                status = Status.UNKNOWN;
                reasons.add("no devices and " + SlaSecurityCheck.noContractInForce(context.data(), vendor.id(), asOf));
            } else if (status == Status.PASS) {
                reasons.add(devicesChecked == 0 ? "no devices; contracts carry the life-cycle terms"
                        : devicesChecked + " devices stay supported through their planned service life");
            }
            Severity severity = status == Status.FAIL ? Severity.HIGH : status == Status.WARNING ? Severity.MEDIUM : Severity.LOW;
            findings.add(new Finding(ID, 5, vendor.id(), Optional.empty(), Optional.empty(), status, severity, reasons,
                    evidence));
        }
        return findings;
    }
}
