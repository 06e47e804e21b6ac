package org.civicsla.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.civicsla.core.model.Criticality;
import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.LifecycleDate;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;
import org.civicsla.core.store.ChangeSet;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema migrations of older workspaces, and a real process kill in the middle of an import. */
class StoreDurabilityTest {

    @TempDir
    Path workspace;

    private Connection connect() throws SQLException {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + workspace.toAbsolutePath().resolve("store").resolve(H2WorkspaceStore.DATABASE)
                + ";FILE_LOCK=FILE");
        source.setUser("civicsla");
        return source.getConnection();
    }

    private static int count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void aWorkspaceOfSchemaVersionOneIsMigratedOnOpenAndKeepsItsRecords() throws SQLException {
        try (Connection old = connect(); Statement statement = old.createStatement()) {
            Schema.migrate(old, workspace.toString(), 1);
            statement.execute("INSERT INTO vendor VALUES ('V-1', 'Lumen', '', 'HIGH')");
            statement.execute("INSERT INTO device_model (id, vendor_id, model, category, end_of_sale_source, "
                    + "end_of_support_source, end_of_security_source) VALUES ('M-1', 'V-1', 'LX', '', '', '', '')");
            assertEquals(1, count(statement, "SELECT COUNT(*) FROM information_schema.indexes "
                    + "WHERE index_name = 'DEVICE_MODEL_IDX'"));
        }
        try (H2WorkspaceStore store = H2WorkspaceStore.open(workspace)) {
            WorkspaceData data = store.snapshot();
            assertEquals(List.of("V-1"), data.vendors().stream().map(Vendor::id).toList());
            assertEquals(List.of("M-1"), data.deviceModels().stream().map(DeviceModel::id).toList());
        }
        try (Connection migrated = connect(); Statement statement = migrated.createStatement()) {
            assertEquals(Schema.CURRENT, count(statement, "SELECT MAX(version) FROM schema_version"));
            assertEquals(0, count(statement, "SELECT COUNT(*) FROM information_schema.indexes "
                    + "WHERE index_name = 'DEVICE_MODEL_IDX'"));
        }
    }

    @Test
    void aMigrationInterruptedBeforeItsVersionRowRunsAgain() throws SQLException {
        try (Connection half = connect(); Statement statement = half.createStatement()) {
            Schema.migrate(half, workspace.toString(), 1);
            // The crash came after migration 2 dropped the index but before its version row.
            statement.execute("DROP INDEX device_model_idx");
        }
        H2WorkspaceStore.open(workspace).close();
        try (Connection migrated = connect(); Statement statement = migrated.createStatement()) {
            assertEquals(Schema.CURRENT, count(statement, "SELECT MAX(version) FROM schema_version"));
            assertEquals(Schema.CURRENT, count(statement, "SELECT COUNT(*) FROM schema_version"));
        }
    }

    /**
     * Kills (SIGKILL) a second JVM while it is inside {@link H2WorkspaceStore#apply}. The child's class
     * path is put together from where the store, the model, H2 and this test were loaded from (plain
     * class path or OSGi bundles alike); where a location is not a file the test is skipped, and
     * H2WorkspaceStoreTest's SHUTDOWN IMMEDIATELY simulation still covers the crash.
     */
    @Test
    void aProcessKilledInTheMiddleOfAnImportLeavesCommittedRecordsAndNothingOfTheImport() throws Exception {
        String classPath = childClassPath(ImportUntilKilled.class);
        try (H2WorkspaceStore store = H2WorkspaceStore.open(workspace)) {
            store.apply(new ChangeSet(List.of(new Vendor("V-1", "Committed", "", Criticality.HIGH, List.of())), List.of(),
                    List.of(), List.of(new DeviceModel("M-1", "V-1", "Model", "", LifecycleDate.UNKNOWN,
                            LifecycleDate.UNKNOWN, LifecycleDate.UNKNOWN, Optional.empty())),
                    ImportUntilKilled.devices("COMMITTED-", 1_000)));
        }
        Process child = child(classPath, ImportUntilKilled.class);
        try {
            Path started = workspace.resolve(ImportUntilKilled.STARTED);
            Path committed = workspace.resolve(ImportUntilKilled.COMMITTED);
            // Wait (without a time assertion) until the child is inside apply(); give up only if it died.
            while (!Files.exists(started) && child.isAlive()) {
                Thread.sleep(10);
            }
            assumeTrue(Files.exists(started), () -> "the child JVM did not start: " + log());
            Thread.sleep(300);
            assumeTrue(!Files.exists(committed), "the import committed before it could be killed; nothing to show");
        } finally {
            child.destroyForcibly();
            child.waitFor(60, TimeUnit.SECONDS);
        }
        try (H2WorkspaceStore store = H2WorkspaceStore.open(workspace)) {
            WorkspaceData data = store.snapshot();
            long kept = data.devices().stream().filter(d -> d.id().startsWith("COMMITTED-")).count();
            long half = data.devices().stream().filter(d -> d.id().startsWith("IMPORT-")).count();
            assertEquals(1_000, kept, "every committed device is there");
            assertTrue(half == 0 || half == ImportUntilKilled.IMPORTED,
                    half + " devices of the killed import are stored: a half import");
            assertEquals(List.of("V-1"), data.vendors().stream().map(Vendor::id).toList());
        }
    }

    /**
     * The workbench holds a workspace open while a command (an import, an index) opens it too: the command is told
     * that another CivicSLA has it, not H2's "Database may be already in use" or "Lock file recently modified", and
     * the workspace opens again once the other has finished.
     */
    @Test
    void aWorkspaceOpenInAnotherProcessIsRefusedInWordsAPersonActsOn() throws Exception {
        String classPath = childClassPath(HoldOpen.class);
        try (H2WorkspaceStore store = H2WorkspaceStore.open(workspace)) {
            store.apply(new ChangeSet(List.of(new Vendor("V-1", "Kept", "", Criticality.HIGH, List.of())), List.of(),
                    List.of(), List.of(), List.of()));
        }
        Process child = child(classPath, HoldOpen.class);
        try {
            // Bounded: a child alive that never opens the workspace fails the test instead of hanging the build.
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(workspace.resolve(HoldOpen.OPENED)) && child.isAlive() && System.nanoTime() < giveUp) {
                Thread.sleep(10);
            }
            // Started, the child must open the workspace: not opening it is the failure this test is about, not a skip.
            assertTrue(Files.exists(workspace.resolve(HoldOpen.OPENED)), () -> "the child JVM did not open it: " + log());
            IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> H2WorkspaceStore.open(workspace).close());
            assertEquals("cannot open workspace " + workspace.toAbsolutePath().normalize() + ": it is open in another"
                    + " CivicSLA (a command or the workbench); try again when that has finished", refused.getMessage());
        } finally {
            child.getOutputStream().close(); // the child closes the workspace when its input ends
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        // H2 may take a moment to give its lock file up once the other process has gone.
        H2WorkspaceStore reopened = null;
        for (int attempt = 0; reopened == null; attempt++) {
            try {
                reopened = H2WorkspaceStore.open(workspace);
            } catch (IllegalStateException stillLocked) {
                if (attempt == 50) {
                    throw stillLocked;
                }
                Thread.sleep(200);
            }
        }
        try (H2WorkspaceStore store = reopened) {
            assertEquals(List.of("V-1"), store.snapshot().vendors().stream().map(Vendor::id).toList());
        }
    }

    private String log() {
        try {
            return Files.readString(workspace.resolve("child.log"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** The class path of a child JVM running {@code main} on the store; the test is skipped when there is none. */
    private static String childClassPath(Class<?> main) {
        Optional<String> classPath = classPathOf(H2WorkspaceStore.class, main, ChangeSet.class, JdbcDataSource.class);
        assumeTrue(classPath.isPresent(), "the classes' locations are not files");
        return classPath.get();
    }

    /** Starts {@code main} on the workspace in another JVM, its output in child.log. */
    private Process child(String classPath, Class<?> main) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", classPath, main.getName(), workspace.toString())
                .redirectErrorStream(true).redirectOutput(workspace.resolve("child.log").toFile()).start();
    }

    /** The files (folders or jars) the classes were loaded from, as a class path. */
    private static Optional<String> classPathOf(Class<?>... types) {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : types) {
            try {
                var source = type.getProtectionDomain().getCodeSource();
                Path path = source == null ? null : Path.of(source.getLocation().toURI());
                if (path == null || !Files.exists(path)) {
                    return Optional.empty();
                }
                entries.add(path.toString());
            } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
                return Optional.empty();
            }
        }
        return Optional.of(String.join(File.pathSeparator, entries));
    }

    /** The child JVM: opens the workspace, says so, and keeps it open until its standard input ends. */
    public static final class HoldOpen {
        static final String OPENED = "held-open";

        public static void main(String[] args) throws Exception {
            Path workspace = Path.of(args[0]);
            try (H2WorkspaceStore store = H2WorkspaceStore.open(workspace)) {
                Files.createFile(workspace.resolve(OPENED));
                while (System.in.read() != -1) {
                    // held until the parent closes the pipe
                }
            }
        }
    }

    /** The child JVM: one big import, announced before it starts and after it commits. */
    public static final class ImportUntilKilled {
        static final String STARTED = "import-started";
        static final String COMMITTED = "import-committed";
        static final int IMPORTED = 300_000;

        public static void main(String[] args) throws Exception {
            Path workspace = Path.of(args[0]);
            try (H2WorkspaceStore store = H2WorkspaceStore.open(workspace)) {
                List<Device> devices = devices("IMPORT-", IMPORTED);
                Files.createFile(workspace.resolve(STARTED));
                store.apply(new ChangeSet(List.of(), List.of(), List.of(), List.of(), devices));
                Files.createFile(workspace.resolve(COMMITTED));
            }
        }

        static List<Device> devices(String prefix, int count) {
            List<Device> devices = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                devices.add(new Device(prefix + i, "M-1", "Street " + i, "District", Optional.of(LocalDate.of(2020, 1, 1)),
                        10, "1.0", Criticality.LOW, Optional.empty(), Optional.empty()));
            }
            return devices;
        }
    }
}
