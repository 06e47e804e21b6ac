package org.civicsla.ui.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The save dialogs open where the last file was written, not in the folder the product was started from. */
class SaveFolderTest {

    @TempDir
    Path dir;

    @Test
    void theDialogsOpenWhereTheLastFileWasWritten() throws Exception {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        SaveFolder.remember(reports.resolve("riverton-report.pdf").toString());
        assertEquals(reports.toString(), SaveFolder.initial());
        Files.delete(reports);
        assertEquals(System.getProperty("user.home"), SaveFolder.initial(), "a folder since removed: the home folder");
    }
}
