package org.civicsla.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.civicsla.core.model.Criticality;
import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.LifecycleDate;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;
import org.civicsla.core.store.ChangeSet;
import org.civicsla.store.H2WorkspaceStore;

/**
 * Kills a real JVM (SIGKILL) in the middle of a 300,000-device import and checks, on reopen, that every
 * committed record is there and nothing of the interrupted import is. Prints what it found and exits 1
 * on a half-import. Run: bench/run.sh org.civicsla.bench.CrashDuringImport
 */
public final class CrashDuringImport {

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--child")) {
            importForever(Path.of(args[1]));
            return;
        }
        Path workspace = Files.createTempDirectory("civicsla-crash");
        try (H2WorkspaceStore store = H2WorkspaceStore.open(workspace)) {
            store.apply(new ChangeSet(List.of(new Vendor("V-1", "Committed Vendor", "", Criticality.HIGH, List.of())),
                    List.of(), List.of(), List.of(new DeviceModel("M-1", "V-1", "Model", "", LifecycleDate.UNKNOWN,
                            LifecycleDate.UNKNOWN, LifecycleDate.UNKNOWN, Optional.empty())),
                    devices("COMMITTED-", 1_000)));
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashDuringImport.class.getName(),
                "--child", workspace.toString()).inheritIO().start();
        Path started = workspace.resolve("import-started");
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.exists(started) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(800); // well inside the import's transaction (which takes seconds)
        child.destroyForcibly().waitFor();
        System.out.println("child JVM killed (SIGKILL) during the import; exit " + child.exitValue());
        try (H2WorkspaceStore store = H2WorkspaceStore.open(workspace)) {
            WorkspaceData data = store.snapshot();
            long committed = data.devices().stream().filter(d -> d.id().startsWith("COMMITTED-")).count();
            long half = data.devices().stream().filter(d -> d.id().startsWith("IMPORT-")).count();
            System.out.printf("reopened: %d of 1,000 committed devices, %d devices of the killed import, vendors %d%n", committed,
                    half, data.vendors().size());
            if (committed != 1_000 || half != 0 && half != 300_000) {
                System.out.println("FAILED: the store lost committed records or kept a half import");
                System.exit(1);
            }
            System.out.println(half == 0 ? "OK: nothing of the interrupted import is stored" : "OK: the import had committed whole");
        }
    }

    private static void importForever(Path workspace) throws Exception {
        try (H2WorkspaceStore store = H2WorkspaceStore.open(workspace)) {
            List<Device> devices = devices("IMPORT-", 300_000);
            Files.createFile(workspace.resolve("import-started"));
            store.apply(new ChangeSet(List.of(), List.of(), List.of(), List.of(), devices));
        }
    }

    private static List<Device> devices(String prefix, int count) {
        List<Device> devices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            devices.add(new Device(prefix + i, "M-1", "Street " + i, "District", Optional.of(LocalDate.of(2020, 1, 1)), 10,
                    "1.0", Criticality.LOW, Optional.empty(), Optional.empty()));
        }
        return devices;
    }
}
