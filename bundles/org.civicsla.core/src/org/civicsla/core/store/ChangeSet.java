package org.civicsla.core.store;

import java.util.List;
import java.util.Objects;

import org.civicsla.core.model.ClauseRecord;
import org.civicsla.core.model.Contract;
import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.Vendor;

/**
 * Records to insert or update by natural key, applied by a store in one transaction.
 * {@code withdrawnClauses} names manual clause records to delete: undoing a waiver that had no record
 * before must leave no record, or the waiver's "missing" or "present" would still override the index.
 */
public record ChangeSet(List<Vendor> vendors, List<Contract> contracts, List<ClauseRecord> clauses,
        List<DeviceModel> deviceModels, List<Device> devices, List<ClauseKey> withdrawnClauses) {

    /** The natural key of a clause record: one record per contract and clause type. */
    public record ClauseKey(String contractId, String clauseType) {
        public ClauseKey {
            Objects.requireNonNull(contractId, "contractId");
            Objects.requireNonNull(clauseType, "clauseType");
        }

        public static ClauseKey of(ClauseRecord record) {
            return new ClauseKey(record.contractId(), record.clauseType());
        }
    }

    public ChangeSet {
        vendors = vendors == null ? List.of() : List.copyOf(vendors);
        contracts = contracts == null ? List.of() : List.copyOf(contracts);
        clauses = clauses == null ? List.of() : List.copyOf(clauses);
        deviceModels = deviceModels == null ? List.of() : List.copyOf(deviceModels);
        devices = devices == null ? List.of() : List.copyOf(devices);
        withdrawnClauses = withdrawnClauses == null ? List.of() : List.copyOf(withdrawnClauses);
    }

    /** Inserts and updates only, as imports write them. */
    public ChangeSet(List<Vendor> vendors, List<Contract> contracts, List<ClauseRecord> clauses,
            List<DeviceModel> deviceModels, List<Device> devices) {
        this(vendors, contracts, clauses, deviceModels, devices, List.of());
    }

    public boolean isEmpty() {
        return vendors.isEmpty() && contracts.isEmpty() && clauses.isEmpty() && deviceModels.isEmpty()
                && devices.isEmpty() && withdrawnClauses.isEmpty();
    }
}
