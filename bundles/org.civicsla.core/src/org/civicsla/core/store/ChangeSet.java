package org.civicsla.core.store;

import java.util.List;

import org.civicsla.core.model.ClauseRecord;
import org.civicsla.core.model.Contract;
import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.Vendor;

/** Records to insert or update by natural key, applied by a store in one transaction. */
public record ChangeSet(List<Vendor> vendors, List<Contract> contracts, List<ClauseRecord> clauses,
        List<DeviceModel> deviceModels, List<Device> devices) {
    public ChangeSet {
        vendors = vendors == null ? List.of() : List.copyOf(vendors);
        contracts = contracts == null ? List.of() : List.copyOf(contracts);
        clauses = clauses == null ? List.of() : List.copyOf(clauses);
        deviceModels = deviceModels == null ? List.of() : List.copyOf(deviceModels);
        devices = devices == null ? List.of() : List.copyOf(devices);
    }
}
