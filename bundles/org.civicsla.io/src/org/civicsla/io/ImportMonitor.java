package org.civicsla.io;

import java.nio.file.Path;

/**
 * Progress and cancellation of an import, so the workbench can run it as a job with a progress bar
 * and a cancel button without this bundle depending on Eclipse. Every method has a do-nothing
 * default; {@link #cancelled()} is polled between files and every few hundred rows.
 */
public interface ImportMonitor {

    /** A monitor that reports nothing and never cancels. */
    ImportMonitor NONE = new ImportMonitor() {
    };

    /** Reading of {@code file} begins ({@code index} of {@code count}, from 0). */
    default void reading(Path file, int index, int count) {
    }

    /** {@code rows} data rows have been read so far, over all files of the import. */
    default void rowsRead(long rows) {
    }

    /** Everything was read and checked; {@code records} new or changed records are being stored. */
    default void storing(int records) {
    }

    /** Whether the user asked to stop; the import then stops and stores nothing. */
    default boolean cancelled() {
        return false;
    }
}
