package org.civicsla.core.model;

import java.util.List;

/**
 * An immutable snapshot of a workspace's records. Checks, reports and views read snapshots, so a
 * long check run never sees a half-applied import.
 */
public record WorkspaceData(
        List<Vendor> vendors,
        List<Contract> contracts,
        List<ClauseRecord> clauses,
        List<DeviceModel> deviceModels,
        List<Device> devices) {

    public static final WorkspaceData EMPTY = new WorkspaceData(List.of(), List.of(), List.of(), List.of(), List.of());

    public WorkspaceData {
        vendors = List.copyOf(vendors);
        contracts = List.copyOf(contracts);
        clauses = List.copyOf(clauses);
        deviceModels = List.copyOf(deviceModels);
        devices = List.copyOf(devices);
    }
}
