package org.civicsla.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.osgi.service.event.Event;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Opens a workspace once the workbench has started: the one named at start
 * ({@code -Dcivicsla.workspace=...}), else the last one, else the bundled sample city.
 */
public final class WorkspaceAddon {

    /** System property naming the workspace to open at start (the start script and UI tests set it). */
    public static final String WORKSPACE_PROPERTY = "civicsla.workspace";
    /** System property naming the bundled sample workspace; the start script sets it. */
    public static final String SAMPLE_PROPERTY = "civicsla.sample";

    @Inject
    private WorkspaceModel model;

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void applicationStarted(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event) {
        startupWorkspace().ifPresent(model::open);
    }

    private Optional<Path> startupWorkspace() {
        String explicit = System.getProperty(WORKSPACE_PROPERTY, "");
        if (!explicit.isBlank()) {
            return Optional.of(Path.of(explicit));
        }
        return model.lastWorkspace().or(() -> Optional.of(System.getProperty(SAMPLE_PROPERTY, ""))
                .filter(s -> !s.isBlank()).map(Path::of).filter(Files::isDirectory));
    }

    @PreDestroy
    void shutdown() {
        model.close();
    }
}
