package org.civicsla.ui.handlers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.civicsla.io.SampleWorkspace;
import org.civicsla.ui.WorkspaceChooser;
import org.civicsla.ui.WorkspaceModel;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * File > Open Workspace: choose a workspace folder. Any other folder becomes a new workspace only when the person
 * says so, so that a mistyped path is not taken for a new, empty workspace (which would show "0 vendors" as if the
 * city had none). An empty folder is asked about too: GTK's folder chooser makes the folder a person types before
 * it returns it, so an empty folder may be a typo just made.
 */
public final class OpenWorkspaceHandler {

    @Execute
    public void execute(@Named("activeShell") Shell shell, WorkspaceModel model,
            @org.eclipse.e4.core.di.annotations.Optional WorkspaceChooser chooser) {
        WorkspaceChooser ask = chooser == null ? WorkspaceChooser.DIALOG : chooser;
        ask.choose(shell, model.current().map(WorkspaceModel.Opened::folder)).ifPresent(folder -> {
            boolean made = justMade(folder);
            if (question(folder).map(q -> ask.confirmNew(shell, folder, q)).orElse(true)) {
                model.open(folder);
            } else if (made) {
                // The chooser made it from what was typed, and the person did not want it: no stray folder is left.
                try {
                    Files.deleteIfExists(folder);
                } catch (IOException e) {
                    // Not empty any more, or not ours to remove: left as it is.
                }
            }
        });
    }

    /** Whether {@code folder} is empty and was made in the last minute: by the chooser, from a path just typed. */
    static boolean justMade(Path folder) {
        try (var entries = Files.list(folder)) {
            if (entries.findAny().isPresent()) {
                return false;
            }
            var attributes = Files.readAttributes(folder, java.nio.file.attribute.BasicFileAttributes.class);
            java.time.Instant made = attributes.creationTime().toInstant();
            java.time.Instant modified = attributes.lastModifiedTime().toInstant();
            java.time.Instant latest = made.isAfter(modified) ? made : modified;
            return latest.isAfter(java.time.Instant.now().minusSeconds(60));
        } catch (IOException e) {
            return false;
        }
    }

    /** What to ask before opening {@code folder}; empty when it is a workspace (or not a folder: opening says why). */
    static Optional<String> question(Path folder) {
        if (SampleWorkspace.isWorkspace(folder)) {
            return Optional.empty();
        }
        if (!Files.exists(folder)) {
            return Optional.of(folder + " does not exist.\n\nCreate it as a new, empty workspace?");
        }
        if (!Files.isDirectory(folder)) {
            // Opening fails and says so; there is nothing to ask.
            return Optional.empty();
        }
        try (var entries = Files.list(folder)) {
            return Optional.of(entries.findAny().isEmpty() ? folder + " is empty.\n\nStart a new workspace there?"
                    : folder + " is not a CivicSLA workspace (it has no store or import folder).\n\n"
                            + "Make it a new, empty workspace? Its files are left as they are.");
        } catch (IOException e) {
            return Optional.empty(); // unreadable: opening says why
        }
    }
}
