package org.civicsla.ui.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which folders Open Workspace asks about before making them a workspace: every one that is not one yet. */
class OpenWorkspaceHandlerTest {

    @TempDir
    Path dir;

    @Test
    void aWorkspaceOpensWithoutAQuestionAnyOtherFolderIsAskedAbout() throws Exception {
        Files.createDirectories(dir.resolve("city/store"));
        Files.createDirectories(dir.resolve("sample/import"));
        assertEquals(Optional.empty(), OpenWorkspaceHandler.question(dir.resolve("city")));
        assertEquals(Optional.empty(), OpenWorkspaceHandler.question(dir.resolve("sample")));

        assertTrue(OpenWorkspaceHandler.question(dir.resolve("typo")).orElseThrow().startsWith(dir.resolve("typo")
                + " does not exist."));
        // GTK's chooser makes a typed folder before it returns it: an empty folder may be a typo too.
        Files.createDirectories(dir.resolve("empty"));
        assertTrue(OpenWorkspaceHandler.question(dir.resolve("empty")).orElseThrow().endsWith("Start a new workspace there?"));
        assertTrue(OpenWorkspaceHandler.justMade(dir.resolve("empty")), "just made: removed when the person says no");
        Files.createDirectories(dir.resolve("papers"));
        Files.writeString(dir.resolve("papers/notes.txt"), "minutes");
        assertTrue(OpenWorkspaceHandler.question(dir.resolve("papers")).orElseThrow().contains("is not a CivicSLA workspace"));
        assertTrue(!OpenWorkspaceHandler.justMade(dir.resolve("papers")), "a folder with files is never removed");
    }
}
