package org.civicsla.ui.parts;

import org.civicsla.core.model.WorkspaceData;
import org.civicsla.ui.WorkspaceModel;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** What the open workspace holds: its folder and how many records of each kind. */
public final class WorkspacePart {

    @Inject
    private WorkspaceModel model;

    private Composite body;
    private Label folder;
    private Label counts;
    private Label problem;

    @PostConstruct
    void create(Composite parent) {
        body = parent;
        parent.setLayout(new GridLayout(1, false));
        folder = new Label(parent, SWT.WRAP);
        folder.setData(VendorsPart.TEST_ID, "workspace.folder");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(folder);
        counts = new Label(parent, SWT.WRAP);
        counts.setData(VendorsPart.TEST_ID, "workspace.counts");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(counts);
        problem = new Label(parent, SWT.WRAP);
        problem.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(problem);
        show();
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void workspaceChanged(@UIEventTopic(WorkspaceModel.TOPIC_CHANGED) String changed) {
        if (body != null && !body.isDisposed()) {
            problem.setText("");
            show();
        }
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void workspaceFailed(@UIEventTopic(WorkspaceModel.TOPIC_FAILED) String message) {
        if (body != null && !body.isDisposed()) {
            problem.setText(message);
            body.layout(true);
        }
    }

    private void show() {
        model.current().ifPresentOrElse(opened -> {
            WorkspaceData data = opened.data();
            folder.setText("Workspace: " + opened.folder());
            counts.setText(String.format("%d vendors, %d contracts, %d clause records, %d device models, %d devices",
                    data.vendors().size(), data.contracts().size(), data.clauses().size(),
                    data.deviceModels().size(), data.devices().size()));
        }, () -> {
            folder.setText("No workspace is open. Use File > Open Workspace... to open one.");
            counts.setText("");
        });
        body.layout(true);
    }

    @Focus
    void focus() {
        body.setFocus();
    }
}
