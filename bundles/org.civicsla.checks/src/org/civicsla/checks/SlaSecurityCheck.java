package org.civicsla.checks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.civicsla.core.check.Check;
import org.civicsla.core.check.CheckContext;
import org.civicsla.core.check.ClauseVerdict;
import org.civicsla.core.check.ClauseVerdicts;
import org.civicsla.core.check.Evidence;
import org.civicsla.core.check.Finding;
import org.civicsla.core.check.Requirement;
import org.civicsla.core.check.Severity;
import org.civicsla.core.check.Status;
import org.civicsla.core.lifecycle.ContractTerms;
import org.civicsla.core.model.Contract;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;
import org.osgi.service.component.annotations.Component;

/**
 * Step 2: every active contract of a vendor carries each clause type the requirement profile asks
 * for, meeting its limit where one is set (e.g. breach notification within 72 hours). A clause record
 * entered by hand wins over the document index: present (with its section) or waived (with its
 * reason) passes, missing fails even if the index guessed otherwise.
 */
@Component(service = Check.class)
public final class SlaSecurityCheck implements Check {

    public static final String ID = "step2.sla-security-clauses";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int step() {
        return 2;
    }

    @Override
    public String title() {
        return "Security clauses in every active contract";
    }

    /**
     * Why nothing was checked, naming the contracts that do not count: a contract marked active whose term has
     * ended is listed as active elsewhere (search, the Vendors list), and the officer needs to see which it is.
     */
    static String noContractInForce(WorkspaceData data, String vendorId, LocalDate asOf) {
        List<String> why = data.contracts().stream().filter(contract -> contract.vendorId().equals(vendorId))
                .flatMap(contract -> ContractTerms.whyNotInForce(contract, asOf).stream()).toList();
        // Worded without the date (the finding is of a run as of it): runs of different days are compared reason by reason.
        return "no contract in force to check" + (why.isEmpty() ? "" : " (" + String.join(", ", why) + ")");
    }

    @Override
    public List<Finding> evaluate(CheckContext context) {
        Vendors index = new Vendors(context.data(), context.asOf());
        ClauseVerdicts verdicts = ClauseVerdicts.of(context);
        List<Finding> findings = new ArrayList<>();
        for (Vendor vendor : context.data().vendors()) {
            if (context.cancelled().getAsBoolean()) {
                break;
            }
            List<Contract> contracts = index.activeContracts.getOrDefault(vendor.id(), List.of());
            if (contracts.isEmpty()) {
                findings.add(new Finding(ID, 2, vendor.id(), Optional.empty(), Optional.empty(), Status.UNKNOWN,
                        Severity.INFO, List.of(noContractInForce(context.data(), vendor.id(), context.asOf())), List.of()));
                continue;
            }
            Status status = Status.PASS;
            List<String> reasons = new ArrayList<>();
            // The evidence of a clause that gave a reason (a deadline too long, a value not stated) comes first: it is
            // what the procurement officer reads the reasons against. Then the evidence of the clauses that passed.
            List<Evidence> evidence = new ArrayList<>();
            List<Evidence> passed = new ArrayList<>();
            for (Contract contract : contracts) {
                for (Requirement requirement : context.profile().requirements()) {
                    List<Evidence> found = new ArrayList<>();
                    Status outcome = assess(contract, requirement, verdicts, reasons, found);
                    (outcome != Status.PASS ? evidence : passed).addAll(found);
                    status = status.worst(outcome);
                }
            }
            evidence.addAll(passed);
            if (status == Status.PASS) {
                reasons.add("every active contract carries the " + context.profile().requirements().size()
                        + " required security clauses");
            }
            Severity severity = status == Status.FAIL
                    ? switch (vendor.criticality()) {
                        case CRITICAL -> Severity.CRITICAL;
                        case HIGH -> Severity.HIGH;
                        default -> Severity.MEDIUM;
                    } : Severity.LOW;
            findings.add(new Finding(ID, 2, vendor.id(), Optional.empty(), Optional.empty(), status, severity, reasons,
                    evidence));
        }
        return findings;
    }

    private static Status assess(Contract contract, Requirement requirement, ClauseVerdicts verdicts,
            List<String> reasons, List<Evidence> evidence) {
        ClauseVerdict verdict = verdicts.verdict(contract, requirement);
        verdict.reason().ifPresent(reasons::add);
        evidence.addAll(verdict.evidence());
        return verdict.status();
    }
}
