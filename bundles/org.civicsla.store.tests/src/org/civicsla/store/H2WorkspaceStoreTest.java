package org.civicsla.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
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
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2WorkspaceStoreTest {

    @TempDir
    Path workspace;

    private static final Vendor LUMEN = new Vendor("V-1", "Lumen Streetlights", "Lighting", Criticality.HIGH,
            List.of(new Contact("Ana Ruiz", "Security contact", "ana@lumen.example", "+1 555 0100")));
    private static final Contract LIGHTING = new Contract("C-1", "V-1", "RIV-2024-001", "Maintenance",
            Optional.of(LocalDate.of(2024, 1, 1)), 36, RenewalKind.AUTOMATIC, 12, 90, ContractStatus.ACTIVE,
            Optional.of(new BigDecimal("125000.50")), "USD", List.of("M-1", "street lighting"),
            List.of(new DocumentRef("C-1", "documents/C-1.txt", "Master agreement")));
    private static final ClauseRecord WAIVER = new ClauseRecord("C-1", "Penetration Test Rights", ClauseState.WAIVED,
            "Vendor hosts no city data", "", "", ClauseSource.MANUAL);
    private static final DeviceModel LAMP = new DeviceModel("M-1", "V-1", "LX-200", "Streetlight controller",
            LifecycleDate.of(LocalDate.of(2025, 6, 30), "vendor bulletin 2024-07"),
            new LifecycleDate(Optional.of(LocalDate.of(2028, 6, 30)), "vendor bulletin 2024-07",
                    Optional.of(LocalDate.of(2026, 1, 15))),
            LifecycleDate.UNKNOWN, Optional.of(new BigDecimal("480.00")));
    private static final Device POLE = new Device("D-1", "M-1", "Main St 12", "Harbour", Optional.of(LocalDate.of(2022, 3, 1)),
            10, "4.2.1", Criticality.MEDIUM, Optional.of("C-1"), Optional.empty());

    private static ChangeSet everything() {
        return new ChangeSet(List.of(LUMEN), List.of(LIGHTING), List.of(WAIVER), List.of(LAMP), List.of(POLE));
    }

    @Test
    void storesAndReadsBackEveryKindOfRecord() {
        try (H2WorkspaceStore store = H2WorkspaceStore.open(workspace)) {
            store.apply(everything());
        }
        try (H2WorkspaceStore store = H2WorkspaceStore.open(workspace)) {
            WorkspaceData data = store.snapshot();
            assertEquals(List.of(LUMEN), data.vendors());
            assertEquals(List.of(LIGHTING), data.contracts());
            assertEquals(List.of(WAIVER), data.clauses());
            assertEquals(List.of(LAMP), data.deviceModels());
            assertEquals(List.of(POLE), data.devices());
        }
        assertTrue(H2WorkspaceStore.exists(workspace));
    }

    @Test
    void applyingTheSameChangesTwiceUpdatesByNaturalKeyInsteadOfDuplicating() {
        try (H2WorkspaceStore store = H2WorkspaceStore.open(workspace)) {
            store.apply(everything());
            store.apply(everything());
            Vendor renamed = new Vendor("V-1", "Lumen Street Lighting Ltd", "Lighting", Criticality.CRITICAL, List.of());
            Contract withoutDocuments = new Contract("C-1", "V-1", "RIV-2024-001", "Maintenance", Optional.empty(), 36,
                    RenewalKind.NONE, 0, 0, ContractStatus.EXPIRED, Optional.empty(), "", List.of(), List.of());
            store.apply(new ChangeSet(List.of(renamed), List.of(withoutDocuments), List.of(), List.of(), List.of()));
            WorkspaceData data = store.snapshot();
            assertEquals(List.of(renamed), data.vendors());
            assertEquals(List.of(withoutDocuments), data.contracts());
            assertEquals(1, data.devices().size());
        }
    }

    @Test
    void aWithdrawnClauseRecordIsDeletedAndAReplacementInTheSameChangeSetIsKept() {
        try (H2WorkspaceStore store = H2WorkspaceStore.open(workspace)) {
            store.apply(everything());
            ChangeSet.ClauseKey key = ChangeSet.ClauseKey.of(WAIVER);
            store.apply(new ChangeSet(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(key)));
            assertEquals(List.of(), store.snapshot().clauses());
            ClauseRecord missing = new ClauseRecord("C-1", WAIVER.clauseType(), ClauseState.MISSING, "", "", "",
                    ClauseSource.MANUAL);
            store.apply(new ChangeSet(List.of(), List.of(), List.of(missing), List.of(), List.of(), List.of(key)));
            assertEquals(List.of(missing), store.snapshot().clauses());
        }
    }

    @Test
    void aCrashInTheMiddleOfAnImportLeavesCommittedRecordsAndNothingOfTheImport() throws SQLException {
        try (H2WorkspaceStore store = H2WorkspaceStore.open(workspace)) {
            store.apply(everything());
        }
        // An import in progress: rows written in an open transaction, then the process dies
        // (SHUTDOWN IMMEDIATELY closes the database like a kill, without committing or closing cleanly).
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + workspace.toAbsolutePath().resolve("store").resolve(H2WorkspaceStore.DATABASE)
                + ";FILE_LOCK=FILE");
        source.setUser("civicsla");
        try (Connection importer = source.getConnection(); Connection killer = source.getConnection()) {
            importer.setAutoCommit(false);
            try (PreparedStatement insert = importer.prepareStatement("INSERT INTO device (id, model_id, site, district, "
                    + "service_life_years, firmware, criticality) VALUES (?, 'M-1', '', '', 10, '', 'LOW')")) {
                for (int i = 0; i < 10_000; i++) {
                    insert.setString(1, "HALF-" + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (Statement statement = killer.createStatement()) {
                statement.execute("SHUTDOWN IMMEDIATELY");
            } catch (SQLException expectedWhenTheDatabaseGoesAway) {
                // the connection that shut the database down may report it as closed
            }
        } catch (SQLException alreadyClosed) {
            // closing connections of a database that was shut down immediately may fail; that is the crash
        }
        try (H2WorkspaceStore store = H2WorkspaceStore.open(workspace)) {
            WorkspaceData data = store.snapshot();
            assertEquals(List.of(POLE), data.devices(), "no device of the interrupted import may be stored");
            assertEquals(List.of(LUMEN), data.vendors());
            assertEquals(List.of(LIGHTING), data.contracts());
        }
    }

    @Test
    void refusesAWorkspaceWrittenByANewerVersion() throws SQLException {
        H2WorkspaceStore.open(workspace).close();
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + workspace.toAbsolutePath().resolve("store").resolve(H2WorkspaceStore.DATABASE)
                + ";FILE_LOCK=FILE");
        source.setUser("civicsla");
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO schema_version VALUES (" + (Schema.CURRENT + 1) + ")");
        }
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> H2WorkspaceStore.open(workspace));
        assertTrue(refused.getMessage().contains(workspace.toAbsolutePath().toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("newer CivicSLA"), refused.getMessage());
    }

    @Test
    void migratingTwiceKeepsOneSchemaVersion() throws SQLException {
        H2WorkspaceStore.open(workspace).close();
        H2WorkspaceStore.open(workspace).close();
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + workspace.toAbsolutePath().resolve("store").resolve(H2WorkspaceStore.DATABASE));
        source.setUser("civicsla");
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT COUNT(*), MAX(version) FROM schema_version")) {
            rows.next();
            assertEquals(Schema.CURRENT, rows.getInt(1));
            assertEquals(Schema.CURRENT, rows.getInt(2));
        }
    }

    @Test
    void aFileWhereTheWorkspaceFolderShouldBeIsAClearError() throws Exception {
        Path file = java.nio.file.Files.writeString(workspace.resolve("not-a-folder"), "x");
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> H2WorkspaceStore.open(file));
        assertTrue(error.getMessage().startsWith("cannot create workspace " + file), error.getMessage());
    }
}
