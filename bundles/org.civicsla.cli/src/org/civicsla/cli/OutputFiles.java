package org.civicsla.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks a file a command is to write before any work is done: a report that took a minute to compute should
 * not fail on a folder named as the file, and a workbook should not land in a file named {@code .csv} (which an
 * import then cannot read) or over the PDF written a moment before.
 */
final class OutputFiles {

    private OutputFiles() {
    }

    /** {@code file}, named by {@code --option}, must end with {@code extension} and not be a folder. */
    static Path check(String option, String file, String extension) throws UsageException {
        Path path = Path.of(file);
        if (!file.toLowerCase(Locale.ROOT).endsWith(extension)) {
            throw new UsageException("--" + option + " " + file + ": name a " + extension + " file (the file written is "
                    + extension.substring(1).toUpperCase(Locale.ROOT) + ")");
        }
        if (Files.isDirectory(path)) {
            throw new UsageException("--" + option + " " + file + ": is a folder; name the file to write");
        }
        return path;
    }
}
