package org.civicsla.example.step4;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civicsla.core.check.Check;
import org.civicsla.core.check.CheckContext;
import org.civicsla.core.check.ClauseVerdict;
import org.civicsla.core.check.ClauseVerdicts;
import org.civicsla.core.check.Evidence;
import org.civicsla.core.check.Finding;
import org.civicsla.core.check.Severity;
import org.civicsla.core.check.Status;
import org.civicsla.core.lifecycle.ContractTerms;
import org.civicsla.core.model.Contract;
import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.Vendor;
import org.osgi.service.component.annotations.Component;

/**
 * Example plugin check for checklist step 4 (secure software updates): a vendor whose devices are
 * installed must be bound by a contract in force to provide software updates, and the city must
 * know which firmware each device runs, and the updates should be signed. It shows everything a check
 * needs: the {@link Check} interface, the {@code @Component} that registers it, the contracts in force
 * ({@link ContractTerms#inForce}), clauses judged as step 2 judges them ({@link ClauseVerdicts}),
 * and a clause type of its own ({@link SignedUpdateClauses}).
 */
@Component(service = Check.class)
public final class SecureUpdatesCheck implements Check {

    static final String CLAUSE = "Software Update Obligations";
    /** Contributed by this plugin's clauses.yaml (see {@link SignedUpdateClauses}). */
    static final String SIGNED = "Signed Software Updates";

    @Override
    public String id() {
        return "example.step4.secure-updates";
    }

    @Override
    public int step() {
        return 4;
    }

    @Override
    public String title() {
        return "Software update obligations for installed devices";
    }

    @Override
    public List<Finding> evaluate(CheckContext context) {
        Map<String, String> modelVendor = new HashMap<>();
        for (DeviceModel model : context.data().deviceModels()) {
            modelVendor.put(model.id(), model.vendorId());
        }
        Map<String, Integer> devices = new HashMap<>();
        Map<String, Integer> unknownFirmware = new HashMap<>();
        for (Device device : context.data().devices()) {
            String vendor = modelVendor.get(device.modelId());
            if (vendor != null) {
                devices.merge(vendor, 1, Integer::sum);
                if (device.firmware().isBlank()) {
                    unknownFirmware.merge(vendor, 1, Integer::sum);
                }
            }
        }
        // How each contract stands on a clause type, as the built-in checks judge it: a record entered by hand first
        // (waived, present, missing), then the passages found in its documents; unknown where a document could not be
        // read. Made once per evaluation.
        ClauseVerdicts verdicts = ClauseVerdicts.of(context);
        List<Finding> findings = new ArrayList<>();
        for (Vendor vendor : context.data().vendors()) {
            if (context.cancelled().getAsBoolean()) {
                break;
            }
            int installed = devices.getOrDefault(vendor.id(), 0);
            if (installed == 0) {
                continue; // step 4 is about devices in the field; vendors without devices are not in scope
            }
            // Only contracts in force on the date asked about bind the vendor: one marked active whose term ended
            // years ago obliges nothing (ContractTerms.inForce, as the built-in checks decide it).
            List<Contract> inForce = new ArrayList<>();
            List<String> notInForce = new ArrayList<>();
            for (Contract contract : context.data().contracts()) {
                if (contract.vendorId().equals(vendor.id())) {
                    ContractTerms.whyNotInForce(contract, context.asOf()).ifPresentOrElse(notInForce::add,
                            () -> inForce.add(contract));
                }
            }
            List<String> reasons = new ArrayList<>();
            List<Evidence> evidence = new ArrayList<>();
            List<String> updatesUnknown = new ArrayList<>();
            List<String> signedUnknown = new ArrayList<>();
            boolean obliged = false;
            boolean signed = false;
            for (Contract contract : inForce) {
                ClauseVerdict updates = verdicts.verdict(contract, CLAUSE);
                ClauseVerdict signing = verdicts.verdict(contract, SIGNED);
                obliged |= updates.passed();
                signed |= signing.passed();
                // The evidence of what passed (a passage, or a record entered by hand: a waiver and its reason).
                if (updates.passed()) {
                    evidence.addAll(updates.evidence());
                } else if (updates.status() == Status.UNKNOWN) {
                    updatesUnknown.add(updates.reason().orElseThrow());
                }
                if (signing.passed()) {
                    evidence.addAll(signing.evidence());
                } else if (signing.status() == Status.UNKNOWN) {
                    signedUnknown.add(signing.reason().orElseThrow());
                }
            }
            Status status = Status.PASS;
            if (inForce.isEmpty()) {
                // Devices in the field and nothing binding the vendor to update them: what step 4 fails on, not a vendor
                // with nothing to check. Which contracts do not count, and why, is said.
                status = Status.FAIL;
                // Worded without the run's date: runs of different days are compared reason by reason (RunDiff).
                reasons.add(installed + " devices installed, but the vendor has no contract in force to oblige it to provide"
                        + " software updates"
                        + (notInForce.isEmpty() ? " (the vendor has no contract)" : " (" + String.join(", ", notInForce) + ")"));
            } else if (!obliged && !updatesUnknown.isEmpty()) {
                // Not found, but a document could not be read: unknown, not failed.
                status = Status.UNKNOWN;
                reasons.addAll(updatesUnknown);
            } else if (!obliged) {
                status = Status.FAIL;
                reasons.add(installed + " devices installed, but no contract in force obliges the vendor to provide software"
                        + " updates");
            } else if (!signed && !signedUnknown.isEmpty()) {
                status = Status.UNKNOWN;
                reasons.addAll(signedUnknown);
            } else if (!signed) {
                // Step 4 asks for secure updates: an unsigned update channel is a way into every device.
                status = Status.WARNING;
                reasons.add("no contract in force requires the updates to be signed (" + SIGNED + ")");
            }
            int unknown = unknownFirmware.getOrDefault(vendor.id(), 0);
            if (unknown > 0) {
                status = status.worst(Status.WARNING);
                reasons.add(unknown + " of " + installed + " devices have no recorded firmware version");
            }
            if (reasons.isEmpty()) {
                reasons.add("a contract in force obliges software updates for the " + installed + " installed devices");
            }
            findings.add(new Finding(id(), step(), vendor.id(), Optional.empty(), Optional.empty(), status,
                    status == Status.FAIL ? Severity.HIGH : Severity.LOW, reasons, evidence));
        }
        return findings;
    }
}
