package org.civicsla.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civicsla.core.model.ClauseRecord;
import org.civicsla.core.model.ClauseSource;
import org.civicsla.core.model.ClauseState;
import org.civicsla.core.model.Contact;
import org.civicsla.core.model.Contract;
import org.civicsla.core.model.ContractStatus;
import org.civicsla.core.model.Criticality;
import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.DocumentRef;
import org.civicsla.core.model.LifecycleDate;
import org.civicsla.core.model.RenewalKind;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;
import org.civicsla.core.store.ChangeSet;
import org.civicsla.core.store.WorkspaceStore;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The default workspace store: an embedded H2 database in {@code <workspace>/store/}. Every
 * {@link #apply} is one transaction, so an import killed half-way leaves nothing of itself behind;
 * H2's MVStore keeps what was committed before.
 */
public final class H2WorkspaceStore implements WorkspaceStore {

    /** The database file's name inside {@code <workspace>/store/} (H2 adds {@code .mv.db}). */
    static final String DATABASE = "civicsla";

    private static final String LIST_SEPARATOR = "\u001f";

    private final Path folder;
    private final Connection connection;

    private H2WorkspaceStore(Path folder, Connection connection) {
        this.folder = folder;
        this.connection = connection;
    }

    /**
     * Opens the workspace in {@code folder}, creating the folder and an empty store when there is
     * none, and migrating an older schema.
     *
     * @throws IllegalStateException naming the folder when it cannot be opened (locked by another
     *         CivicSLA, written by a newer version, not a directory, ...)
     */
    public static H2WorkspaceStore open(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.resolve(WorkspaceStore.FOLDER));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create workspace " + absolute + ": " + e.getMessage(), e);
        }
        JdbcDataSource source = new JdbcDataSource();
        // FILE_LOCK=FILE: a second CivicSLA on the same workspace gets a clear error instead of corrupting it.
        source.setURL("jdbc:h2:file:" + absolute.resolve(WorkspaceStore.FOLDER).resolve(DATABASE) + ";FILE_LOCK=FILE");
        source.setUser("civicsla");
        source.setPassword("");
        Connection connection = null;
        try {
            connection = source.getConnection();
            Schema.migrate(connection, absolute.toString());
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            return new H2WorkspaceStore(absolute, connection);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e instanceof SQLException sql && (sql.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1
                    || reason.contains("Lock file recently modified") || reason.contains("already in use"))) {
                // H2's file lock, held or just released by another process: "Lock file recently modified [8000-240]"
                // says nothing to a person.
                reason = "it is open in another CivicSLA (a command or the workbench); try again when that has finished";
            }
            throw new IllegalStateException("cannot open workspace " + absolute + ": " + reason, e);
        }
    }

    /** Whether {@code folder} already holds a store (the sample workspace is materialised when not). */
    public static boolean exists(Path folder) {
        return Files.isRegularFile(folder.resolve(WorkspaceStore.FOLDER).resolve(DATABASE + ".mv.db"));
    }

    @Override
    public Path folder() {
        return folder;
    }

    @Override
    public synchronized WorkspaceData snapshot() {
        try {
            WorkspaceData data = new WorkspaceData(readVendors(), readContracts(), readClauses(), readDeviceModels(),
                    readDevices());
            connection.commit();
            return data;
        } catch (SQLException e) {
            rollbackQuietly();
            throw new IllegalStateException("cannot read workspace " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void apply(ChangeSet changes) {
        try {
            writeVendors(changes.vendors());
            writeContracts(changes.contracts());
            // Withdrawals first, so a change set may withdraw a record and write its replacement.
            deleteClauses(changes.withdrawnClauses());
            writeClauses(changes.clauses());
            writeDeviceModels(changes.deviceModels());
            writeDevices(changes.devices());
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            throw new IllegalStateException("cannot write workspace " + folder + " (nothing was changed): "
                    + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly(connection);
    }

    private List<Vendor> readVendors() throws SQLException {
        Map<String, List<Contact>> contacts = new HashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT vendor_id, name, role, email, phone FROM vendor_contact ORDER BY vendor_id, seq")) {
            while (r.next()) {
                contacts.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                        .add(new Contact(r.getString(2), r.getString(3), r.getString(4), r.getString(5)));
            }
        }
        List<Vendor> vendors = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT id, name, category, criticality FROM vendor ORDER BY id")) {
            while (r.next()) {
                vendors.add(new Vendor(r.getString(1), r.getString(2), r.getString(3),
                        Criticality.valueOf(r.getString(4)), contacts.getOrDefault(r.getString(1), List.of())));
            }
        }
        return vendors;
    }

    private List<Contract> readContracts() throws SQLException {
        Map<String, List<DocumentRef>> documents = new HashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT contract_id, path, title FROM contract_document ORDER BY contract_id, seq")) {
            while (r.next()) {
                documents.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                        .add(new DocumentRef(r.getString(1), r.getString(2), r.getString(3)));
            }
        }
        List<Contract> contracts = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT id, vendor_id, number, type, start_date, initial_term_months, "
                        + "renewal, renewal_period_months, notice_days, status, contract_value, currency, covers "
                        + "FROM contract ORDER BY id")) {
            while (r.next()) {
                String id = r.getString(1);
                contracts.add(new Contract(id, r.getString(2), r.getString(3), r.getString(4), date(r, 5), r.getInt(6),
                        RenewalKind.valueOf(r.getString(7)), r.getInt(8), r.getInt(9),
                        ContractStatus.valueOf(r.getString(10)), Optional.ofNullable(r.getBigDecimal(11)),
                        r.getString(12), split(r.getString(13)), documents.getOrDefault(id, List.of())));
            }
        }
        return contracts;
    }

    private List<ClauseRecord> readClauses() throws SQLException {
        List<ClauseRecord> clauses = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT contract_id, clause_type, state, reason, document, section, source "
                        + "FROM clause_record ORDER BY contract_id, clause_type")) {
            while (r.next()) {
                clauses.add(new ClauseRecord(r.getString(1), r.getString(2), ClauseState.valueOf(r.getString(3)),
                        r.getString(4), r.getString(5), r.getString(6), ClauseSource.valueOf(r.getString(7))));
            }
        }
        return clauses;
    }

    private List<DeviceModel> readDeviceModels() throws SQLException {
        List<DeviceModel> models = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT id, vendor_id, model, category, "
                        + "end_of_sale, end_of_sale_source, end_of_sale_verified, "
                        + "end_of_support, end_of_support_source, end_of_support_verified, "
                        + "end_of_security, end_of_security_source, end_of_security_verified, unit_cost "
                        + "FROM device_model ORDER BY id")) {
            while (r.next()) {
                models.add(new DeviceModel(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        new LifecycleDate(date(r, 5), r.getString(6), date(r, 7)),
                        new LifecycleDate(date(r, 8), r.getString(9), date(r, 10)),
                        new LifecycleDate(date(r, 11), r.getString(12), date(r, 13)),
                        Optional.ofNullable(r.getBigDecimal(14))));
            }
        }
        return models;
    }

    private List<Device> readDevices() throws SQLException {
        List<Device> devices = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT id, model_id, site, district, installed, service_life_years, "
                        + "firmware, criticality, contract_id, planned_replacement FROM device ORDER BY id")) {
            while (r.next()) {
                devices.add(new Device(r.getString(1), r.getString(2), r.getString(3), r.getString(4), date(r, 5),
                        r.getInt(6), r.getString(7), Criticality.valueOf(r.getString(8)),
                        Optional.ofNullable(r.getString(9)), date(r, 10)));
            }
        }
        return devices;
    }

    private void writeVendors(List<Vendor> vendors) throws SQLException {
        if (vendors.isEmpty()) {
            return;
        }
        try (PreparedStatement merge = connection.prepareStatement(
                "MERGE INTO vendor (id, name, category, criticality) KEY (id) VALUES (?, ?, ?, ?)");
                PreparedStatement clear = connection.prepareStatement("DELETE FROM vendor_contact WHERE vendor_id = ?");
                PreparedStatement contact = connection.prepareStatement(
                        "INSERT INTO vendor_contact (vendor_id, seq, name, role, email, phone) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Vendor v : vendors) {
                merge.setString(1, v.id());
                merge.setString(2, v.name());
                merge.setString(3, v.category());
                merge.setString(4, v.criticality().name());
                merge.addBatch();
                clear.setString(1, v.id());
                clear.addBatch();
                int seq = 0;
                for (Contact c : v.contacts()) {
                    contact.setString(1, v.id());
                    contact.setInt(2, seq++);
                    contact.setString(3, c.name());
                    contact.setString(4, c.role());
                    contact.setString(5, c.email());
                    contact.setString(6, c.phone());
                    contact.addBatch();
                }
            }
            merge.executeBatch();
            clear.executeBatch();
            contact.executeBatch();
        }
    }

    private void writeContracts(List<Contract> contracts) throws SQLException {
        if (contracts.isEmpty()) {
            return;
        }
        try (PreparedStatement merge = connection.prepareStatement("MERGE INTO contract (id, vendor_id, number, type, "
                + "start_date, initial_term_months, renewal, renewal_period_months, notice_days, status, contract_value, "
                + "currency, covers) KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement clear = connection.prepareStatement(
                        "DELETE FROM contract_document WHERE contract_id = ?");
                PreparedStatement document = connection.prepareStatement(
                        "INSERT INTO contract_document (contract_id, path, title, seq) VALUES (?, ?, ?, ?)")) {
            for (Contract c : contracts) {
                merge.setString(1, c.id());
                merge.setString(2, c.vendorId());
                merge.setString(3, c.number());
                merge.setString(4, c.type());
                setDate(merge, 5, c.start());
                merge.setInt(6, c.initialTermMonths());
                merge.setString(7, c.renewal().name());
                merge.setInt(8, c.renewalPeriodMonths());
                merge.setInt(9, c.noticeDays());
                merge.setString(10, c.status().name());
                merge.setBigDecimal(11, c.value().orElse(null));
                merge.setString(12, c.currency());
                merge.setString(13, String.join(LIST_SEPARATOR, c.covers()));
                merge.addBatch();
                // The documents are part of the contract record: its row set is replaced, not merged.
                clear.setString(1, c.id());
                clear.addBatch();
                int seq = 0;
                for (DocumentRef d : c.documents()) {
                    document.setString(1, c.id());
                    document.setString(2, d.path());
                    document.setString(3, d.title());
                    document.setInt(4, seq++);
                    document.addBatch();
                }
            }
            merge.executeBatch();
            clear.executeBatch();
            document.executeBatch();
        }
    }

    private void deleteClauses(List<ChangeSet.ClauseKey> keys) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM clause_record WHERE contract_id = ? AND clause_type = ?")) {
            for (ChangeSet.ClauseKey key : keys) {
                delete.setString(1, key.contractId());
                delete.setString(2, key.clauseType());
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    private void writeClauses(List<ClauseRecord> clauses) throws SQLException {
        if (clauses.isEmpty()) {
            return;
        }
        try (PreparedStatement merge = connection.prepareStatement("MERGE INTO clause_record (contract_id, "
                + "clause_type, state, reason, document, section, source) KEY (contract_id, clause_type) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (ClauseRecord c : clauses) {
                merge.setString(1, c.contractId());
                merge.setString(2, c.clauseType());
                merge.setString(3, c.state().name());
                merge.setString(4, c.reason());
                merge.setString(5, c.document());
                merge.setString(6, c.section());
                merge.setString(7, c.source().name());
                merge.addBatch();
            }
            merge.executeBatch();
        }
    }

    private void writeDeviceModels(List<DeviceModel> models) throws SQLException {
        if (models.isEmpty()) {
            return;
        }
        try (PreparedStatement merge = connection.prepareStatement("MERGE INTO device_model (id, vendor_id, model, "
                + "category, end_of_sale, end_of_sale_source, end_of_sale_verified, end_of_support, "
                + "end_of_support_source, end_of_support_verified, end_of_security, end_of_security_source, "
                + "end_of_security_verified, unit_cost) KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (DeviceModel m : models) {
                merge.setString(1, m.id());
                merge.setString(2, m.vendorId());
                merge.setString(3, m.model());
                merge.setString(4, m.category());
                int column = 5;
                for (LifecycleDate date : List.of(m.endOfSale(), m.endOfSupport(), m.endOfSecurityUpdates())) {
                    setDate(merge, column++, date.date());
                    merge.setString(column++, date.source());
                    setDate(merge, column++, date.verified());
                }
                merge.setBigDecimal(14, m.unitCost().orElse(null));
                merge.addBatch();
            }
            merge.executeBatch();
        }
    }

    private void writeDevices(List<Device> devices) throws SQLException {
        if (devices.isEmpty()) {
            return;
        }
        try (PreparedStatement merge = connection.prepareStatement("MERGE INTO device (id, model_id, site, district, "
                + "installed, service_life_years, firmware, criticality, contract_id, planned_replacement) KEY (id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (Device d : devices) {
                merge.setString(1, d.id());
                merge.setString(2, d.modelId());
                merge.setString(3, d.site());
                merge.setString(4, d.district());
                setDate(merge, 5, d.installed());
                merge.setInt(6, d.serviceLifeYears());
                merge.setString(7, d.firmware());
                merge.setString(8, d.criticality().name());
                merge.setString(9, d.contractId().orElse(null));
                setDate(merge, 10, d.plannedReplacement());
                merge.addBatch();
                // Bounded batches keep memory flat for 100,000-device imports; the transaction stays one.
                if (++pending == 5_000) {
                    merge.executeBatch();
                    pending = 0;
                }
            }
            merge.executeBatch();
        }
    }

    private static Optional<LocalDate> date(ResultSet r, int column) throws SQLException {
        Date date = r.getDate(column);
        return date == null ? Optional.empty() : Optional.of(date.toLocalDate());
    }

    private static void setDate(PreparedStatement statement, int column, Optional<LocalDate> date) throws SQLException {
        if (date.isPresent()) {
            statement.setDate(column, Date.valueOf(date.get()));
        } else {
            statement.setNull(column, Types.DATE);
        }
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(LIST_SEPARATOR, -1));
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            System.getLogger(H2WorkspaceStore.class.getName()).log(System.Logger.Level.WARNING,
                    "rollback failed for " + folder, e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            System.getLogger(H2WorkspaceStore.class.getName()).log(System.Logger.Level.WARNING, "close failed", e);
        }
    }

}
