package org.civicsla.checks;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.civicsla.core.lifecycle.ContractTerms;
import org.civicsla.core.model.ClauseRecord;
import org.civicsla.core.model.Contract;
import org.civicsla.core.model.ContractStatus;
import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.WorkspaceData;

/** Indexes of a snapshot that the built-in checks need: computed once per evaluation, not once per vendor. */
final class Vendors {

    /** The contracts that bind each vendor on the evaluation's date (see {@link #binds}). */
    final Map<String, List<Contract>> activeContracts;
    final Map<String, DeviceModel> models;
    final Map<String, List<Device>> devicesByModel;
    /** Clause records entered by hand, by contract and clause type ({@link #recordKey}). */
    final Map<String, ClauseRecord> clauseRecords;

    Vendors(WorkspaceData data, LocalDate asOf) {
        activeContracts = data.contracts().stream().filter(c -> binds(c, asOf))
                .collect(Collectors.groupingBy(Contract::vendorId));
        models = data.deviceModels().stream().collect(Collectors.toMap(DeviceModel::id, Function.identity(), (a, b) -> a));
        devicesByModel = data.devices().stream().collect(Collectors.groupingBy(Device::modelId));
        clauseRecords = data.clauses().stream()
                .collect(Collectors.toMap(r -> recordKey(r.contractId(), r.clauseType()), Function.identity(), (a, b) -> b));
    }

    /**
     * Whether {@code contract} binds the vendor on {@code asOf}: active and not ended. A contract that ended without
     * renewal while its status was never updated is not judged; one signed to start later is, as it binds the city
     * already (its clauses and how long it runs are what procurement can still act on). Unknown dates keep a
     * contract in (its status says it is active); an automatic renewal never ends by itself.
     */
    static boolean binds(Contract contract, LocalDate asOf) {
        return whyNotBinding(contract, asOf).isEmpty();
    }

    /** Why {@code contract} does not bind on {@code asOf} ("C-1 is expired", "C-2 ended 2025-06-30"); empty when it does. */
    static Optional<String> whyNotBinding(Contract contract, LocalDate asOf) {
        if (contract.status() != ContractStatus.ACTIVE) {
            return Optional.of(contract.id() + " is " + contract.status().name().toLowerCase(Locale.ROOT));
        }
        return ContractTerms.ended(contract, asOf).map(end -> contract.id() + " ended " + end);
    }

    static String recordKey(String contractId, String clauseType) {
        return contractId + "\u0000" + clauseType;
    }
}
