package org.civicsla.ui.handlers;

import java.io.IOException;

import org.civicsla.ui.ChecksModel;
import org.civicsla.ui.ProfilePreferences;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import jakarta.inject.Named;

/**
 * File > Preferences: the requirement profile (which clauses step 2 requires, and how strictly), the
 * planning horizon and the life-cycle milestone of step 5. A wrong line is reported on the field
 * and nothing is saved; a saved profile re-runs the checks.
 */
public final class PreferencesHandler {

    @Execute
    public void execute(@Named("activeShell") Shell shell, ChecksModel checks) {
        new ProfileDialog(shell, checks).open();
    }

    private static final class ProfileDialog extends Dialog {
        private final ChecksModel checks;
        private Text profile;
        private Label problem;

        ProfileDialog(Shell parent, ChecksModel checks) {
            super(parent);
            this.checks = checks;
        }

        @Override
        protected void configureShell(Shell shell) {
            super.configureShell(shell);
            shell.setText("Preferences: requirement profile");
        }

        @Override
        protected boolean isResizable() {
            return true;
        }

        @Override
        protected Control createDialogArea(Composite parent) {
            Composite area = (Composite) super.createDialogArea(parent);
            Label help = new Label(area, SWT.WRAP);
            help.setText("One requirement per line: require.N = Clause Type, optionally stricter: "
                    + "| valueKey <= number (e.g. notificationHours <= 72).\nhorizonMonths is the planning horizon; "
                    + "milestone is END_OF_SUPPORT or END_OF_SECURITY_UPDATES.");
            GridDataFactory.fillDefaults().grab(true, false).hint(560, SWT.DEFAULT).applyTo(help);
            profile = new Text(area, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
            profile.setText(ProfilePreferences.text(ProfilePreferences.load()));
            GridDataFactory.fillDefaults().grab(true, true).hint(560, 260).applyTo(profile);
            problem = new Label(area, SWT.WRAP);
            problem.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            GridDataFactory.fillDefaults().grab(true, false).applyTo(problem);
            return area;
        }

        @Override
        protected void buttonPressed(int buttonId) {
            if (buttonId == IDialogConstants.OK_ID) {
                try {
                    var saved = ProfilePreferences.save(profile.getText());
                    checks.run(checks.latest().map(r -> r.run().asOf()).orElse(java.time.LocalDate.now()));
                    problem.setText("Saved: " + saved.requirements().size() + " requirements.");
                } catch (IOException e) {
                    problem.setText(e.getMessage());
                    problem.getParent().layout();
                    return;
                }
            }
            super.buttonPressed(buttonId);
        }
    }
}
