package org.civicsla.checks;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.civicsla.core.lifecycle.ContractTerms;
import org.civicsla.core.model.Contract;
import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.WorkspaceData;

/** Indexes of a snapshot that the built-in checks need: computed once per evaluation, not once per vendor. */
final class Vendors {

    /** The contracts that bind each vendor on the evaluation's date (see {@link ContractTerms#inForce}). */
    final Map<String, List<Contract>> activeContracts;
    final Map<String, DeviceModel> models;
    final Map<String, List<Device>> devicesByModel;

    Vendors(WorkspaceData data, LocalDate asOf) {
        activeContracts = data.contracts().stream().filter(c -> ContractTerms.inForce(c, asOf))
                .collect(Collectors.groupingBy(Contract::vendorId));
        models = data.deviceModels().stream().collect(Collectors.toMap(DeviceModel::id, Function.identity(), (a, b) -> a));
        devicesByModel = data.devices().stream().collect(Collectors.groupingBy(Device::modelId));
    }
}
