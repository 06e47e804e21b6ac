package org.civicsla.ui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Marks, for releng/scripts/measure-startup.sh, the moment the workbench first shows the checklist
 * matrix of the opened workspace. Only when the system property {@code civicsla.timing.file} names a
 * file; a product run without it does nothing here.
 */
public final class StartupTiming {

    private static final AtomicBoolean MATRIX_SHOWN = new AtomicBoolean();

    private StartupTiming() {
    }

    /** Called each time a matrix is shown; records the first time only. */
    public static void matrixShown(int vendors) {
        String file = System.getProperty("civicsla.timing.file", "");
        if (file.isEmpty() || !MATRIX_SHOWN.compareAndSet(false, true)) {
            return;
        }
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        try {
            Files.writeString(Path.of(file), "matrixShown vendors=" + vendors + " msSinceJvmStart=" + sinceJvmStart + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.getLogger(StartupTiming.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot write the timing file " + file, e);
        }
    }
}
