package org.civicsla.example.step4;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.civicsla.core.check.Check;
import org.civicsla.core.check.CheckContext;
import org.civicsla.core.check.Evidence;
import org.civicsla.core.check.Finding;
import org.civicsla.core.check.Severity;
import org.civicsla.core.check.Status;
import org.civicsla.core.model.ClauseRecord;
import org.civicsla.core.model.ClauseState;
import org.civicsla.core.model.Contract;
import org.civicsla.core.model.ContractStatus;
import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.Vendor;
import org.osgi.service.component.annotations.Component;

/**
 * Example plugin check for checklist step 4 (secure software updates): a vendor whose devices are
 * installed must be bound by an active contract to provide software updates, and the city must
 * know which firmware each device runs, and the updates should be signed. It shows everything a check
 * needs: the {@link Check} interface, the {@code @Component} that registers it, clause evidence through
 * the context, and a clause type of its own ({@link SignedUpdateClauses}).
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
        Set<String> waivedOrPresent = new HashSet<>();
        Set<String> signedOrWaived = new HashSet<>();
        for (ClauseRecord record : context.data().clauses()) {
            if (record.clauseType().equals(CLAUSE) && record.state() != ClauseState.MISSING) {
                waivedOrPresent.add(record.contractId());
            }
            if (record.clauseType().equals(SIGNED) && record.state() != ClauseState.MISSING) {
                signedOrWaived.add(record.contractId());
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Vendor vendor : context.data().vendors()) {
            if (context.cancelled().getAsBoolean()) {
                break;
            }
            int installed = devices.getOrDefault(vendor.id(), 0);
            if (installed == 0) {
                continue; // step 4 is about devices in the field; vendors without devices are not in scope
            }
            List<String> reasons = new ArrayList<>();
            List<Evidence> evidence = new ArrayList<>();
            Status status = Status.PASS;
            boolean obliged = false;
            boolean signed = false;
            for (Contract contract : context.data().contracts()) {
                if (!contract.vendorId().equals(vendor.id()) || contract.status() != ContractStatus.ACTIVE) {
                    continue;
                }
                var hits = context.clauses().find(contract.id(), CLAUSE);
                if (waivedOrPresent.contains(contract.id()) || !hits.isEmpty()) {
                    obliged = true;
                    hits.stream().findFirst().ifPresent(hit -> evidence.add(new Evidence(Evidence.Kind.CLAUSE_PASSAGE,
                            contract.id() + ": " + CLAUSE, Optional.of(hit.document()), hit.page(), hit.snippet())));
                }
                var signedHits = context.clauses().find(contract.id(), SIGNED);
                if (signedOrWaived.contains(contract.id()) || !signedHits.isEmpty()) {
                    signed = true;
                    signedHits.stream().findFirst().ifPresent(hit -> evidence.add(new Evidence(Evidence.Kind.CLAUSE_PASSAGE,
                            contract.id() + ": " + SIGNED, Optional.of(hit.document()), hit.page(), hit.snippet())));
                }
            }
            if (!obliged) {
                status = Status.FAIL;
                reasons.add(installed + " devices installed, but no active contract obliges the vendor to provide software updates");
            } else if (!signed) {
                // Step 4 asks for secure updates: an unsigned update channel is a way into every device.
                status = Status.WARNING;
                reasons.add("no active contract requires the updates to be signed (" + SIGNED + ")");
            }
            int unknown = unknownFirmware.getOrDefault(vendor.id(), 0);
            if (unknown > 0) {
                status = status.worst(Status.WARNING);
                reasons.add(unknown + " of " + installed + " devices have no recorded firmware version");
            }
            if (reasons.isEmpty()) {
                reasons.add("an active contract obliges software updates for the " + installed + " installed devices");
            }
            findings.add(new Finding(id(), step(), vendor.id(), Optional.empty(), Optional.empty(), status,
                    status == Status.FAIL ? Severity.HIGH : Severity.LOW, reasons, evidence));
        }
        return findings;
    }
}
