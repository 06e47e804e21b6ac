package org.civicsla.ui.handlers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.civicsla.core.check.Requirement;
import org.civicsla.core.check.RequirementProfile;
import org.civicsla.core.model.Milestone;
import org.civicsla.index.clauses.ClauseDetector;
import org.civicsla.index.clauses.ClauseType;
import org.civicsla.ui.ChecksModel;
import org.civicsla.ui.ProfilePreferences;
import org.civicsla.ui.parts.VendorsPart;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import jakarta.inject.Named;

/**
 * File > Preferences: the requirement profile — which clauses every active contract must carry (step
 * 2, and the life-cycle clauses of step 5), how strictly where the clause states a value, the planning
 * horizon and the life-cycle milestone of step 5. A value that cannot be used is reported naming the
 * clause and nothing is saved; a saved profile re-runs the checks. The profile is saved in the format
 * of a {@code --profile} file, so the command line can check with the same profile.
 */
public final class PreferencesHandler {

    @Execute
    public void execute(@Named("activeShell") Shell shell, ChecksModel checks, org.civicsla.ui.WorkspaceModel workspaces) {
        // The open workspace's clause types: its clauses.yaml and plugins may add types a profile can require.
        List<ClauseType> types = ClauseDetector.standard().taxonomy().types();
        var opened = workspaces.current();
        if (opened.isPresent()) {
            try {
                types = workspaces.detector(opened.get().folder()).taxonomy().types();
            } catch (java.io.IOException e) {
                org.eclipse.jface.dialogs.MessageDialog.openError(shell, "Clause types",
                        e.getMessage() + "\n\nThe standard clause types are shown.");
            }
        }
        new ProfileDialog(shell, checks, types).open();
    }

    /** One row of the clause table: a clause type, the steps it serves and the values a limit can bound. */
    private record ClauseRow(String type, String steps, List<String> valueKeys) {
    }

    private static final String NO_LIMIT = "no limit";

    static final class ProfileDialog extends Dialog {
        private final ChecksModel checks;
        private final List<ClauseRow> rows = new ArrayList<>();
        private final RequirementProfile current;
        /** Per clause type: the value key and the maximum typed for it (both may be empty). */
        private final Map<String, String[]> limits = new LinkedHashMap<>();
        private Text name;
        private Spinner horizon;
        private Combo milestone;
        private Table clauses;
        private Combo limitKey;
        private Text limitValue;
        private Label limitLabel;
        private Label problem;

        ProfileDialog(Shell parent, ChecksModel checks, List<ClauseType> types) {
            super(parent);
            this.checks = checks;
            this.current = ProfilePreferences.load();
            for (ClauseType type : types) {
                rows.add(new ClauseRow(type.name(), type.checklistSteps().stream().map(String::valueOf)
                        .collect(Collectors.joining(", ")), List.copyOf(new java.util.TreeSet<>(type.values().keySet()))));
            }
            // A requirement on a clause type the taxonomy no longer has (or a plugin's) is kept, not dropped.
            for (Requirement r : current.requirements()) {
                if (rows.stream().noneMatch(row -> row.type().equals(r.clauseType()))) {
                    rows.add(new ClauseRow(r.clauseType(), "", r.valueKey().map(List::of).orElse(List.of())));
                }
            }
            // What the profile requires first, in its order; the rest in the taxonomy's order.
            List<String> requiredOrder = current.requirements().stream().map(Requirement::clauseType).toList();
            rows.sort(java.util.Comparator.comparingInt(row -> requiredOrder.contains(row.type())
                    ? requiredOrder.indexOf(row.type()) : requiredOrder.size()));
            for (Requirement r : current.requirements()) {
                limits.put(r.clauseType(), new String[] { r.valueKey().orElse(""),
                        r.maxValue().map(Requirement::number).orElse("") });
            }
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
            Composite form = new Composite(area, SWT.NONE);
            GridLayoutFactory.fillDefaults().numColumns(2).applyTo(form);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(form);
            new Label(form, SWT.NONE).setText("Profile name:");
            name = new Text(form, SWT.BORDER);
            name.setText(current.name());
            GridDataFactory.fillDefaults().grab(true, false).applyTo(name);
            new Label(form, SWT.NONE).setText("Planning horizon (months):");
            horizon = new Spinner(form, SWT.BORDER);
            horizon.setValues(current.planningHorizonMonths(), 1, 240, 0, 1, 12);
            horizon.setToolTipText("Devices whose support ends within this many months are planned for replacement");
            horizon.setData(VendorsPart.TEST_ID, "preferences.horizon");
            new Label(form, SWT.NONE).setText("A device is unsupported after its:");
            milestone = new Combo(form, SWT.READ_ONLY);
            milestone.setItems("end of security updates", "end of support");
            milestone.select(current.milestone() == Milestone.END_OF_SUPPORT ? 1 : 0);
            milestone.setData(VendorsPart.TEST_ID, "preferences.milestone");

            Group required = new Group(area, SWT.NONE);
            required.setText("Clauses every active contract must have (tick to require)");
            GridLayoutFactory.swtDefaults().numColumns(3).applyTo(required);
            GridDataFactory.fillDefaults().grab(true, true).applyTo(required);
            clauses = new Table(required, SWT.CHECK | SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL);
            clauses.setHeaderVisible(true);
            clauses.setData(VendorsPart.TEST_ID, "preferences.clauses");
            GridDataFactory.fillDefaults().grab(true, true).span(3, 1).hint(620, 300).applyTo(clauses);
            column("Clause type", 300);
            column("Steps", 60);
            column("Stricter limit", 220);
            for (ClauseRow row : rows) {
                TableItem item = new TableItem(clauses, SWT.NONE);
                item.setData(row);
                item.setChecked(current.requirements().stream().anyMatch(r -> r.clauseType().equals(row.type())));
                show(item);
            }
            // The limit of the selected clause is edited below the table, with the values that clause states.
            limitLabel = new Label(required, SWT.NONE);
            limitLabel.setText("Limit:");
            limitKey = new Combo(required, SWT.READ_ONLY);
            limitKey.setData(VendorsPart.TEST_ID, "preferences.limitKey");
            limitValue = new Text(required, SWT.BORDER);
            limitValue.setMessage("at most, e.g. 72");
            limitValue.setData(VendorsPart.TEST_ID, "preferences.limit");
            GridDataFactory.fillDefaults().grab(true, false).applyTo(limitValue);
            clauses.addListener(SWT.Selection, e -> {
                if (e.detail == SWT.CHECK && e.item instanceof TableItem item) {
                    show(item);
                }
                selectLimit();
            });
            limitKey.addListener(SWT.Selection, e -> storeLimit());
            limitValue.addListener(SWT.Modify, e -> storeLimit());
            selectLimit();

            problem = new Label(area, SWT.WRAP);
            problem.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            problem.setData(VendorsPart.TEST_ID, "preferences.problem");
            GridDataFactory.fillDefaults().grab(true, false).applyTo(problem);
            return area;
        }

        private void column(String title, int width) {
            TableColumn column = new TableColumn(clauses, SWT.LEFT);
            column.setText(title);
            column.setWidth(width);
        }

        private Optional<ClauseRow> selectedRow() {
            return clauses.getSelectionCount() == 1 ? Optional.of((ClauseRow) clauses.getSelection()[0].getData())
                    : Optional.empty();
        }

        /** Shows the selected clause's limit in the editor below the table; only a clause that states values has one. */
        private void selectLimit() {
            Optional<ClauseRow> row = selectedRow();
            boolean limitable = row.isPresent() && !row.get().valueKeys().isEmpty();
            limitKey.removeAll();
            limitKey.add(NO_LIMIT);
            row.ifPresent(r -> r.valueKeys().forEach(limitKey::add));
            String[] limit = row.map(r -> limits.getOrDefault(r.type(), new String[] { "", "" }))
                    .orElse(new String[] { "", "" });
            limitKey.select(Math.max(0, limitKey.indexOf(limit[0])));
            limitValue.setText(limit[0].isEmpty() ? "" : limit[1]);
            limitLabel.setText(row.map(r -> r.type() + ", at most:").orElse("Limit:"));
            limitLabel.getParent().layout();
            limitKey.setEnabled(limitable);
            limitValue.setEnabled(limitable && limitKey.getSelectionIndex() > 0);
        }

        private void storeLimit() {
            selectedRow().ifPresent(row -> {
                String key = limitKey.getSelectionIndex() > 0 ? limitKey.getText() : "";
                limits.put(row.type(), new String[] { key, key.isEmpty() ? "" : limitValue.getText().strip() });
                limitValue.setEnabled(!key.isEmpty());
                show(clauses.getSelection()[0]);
            });
        }

        private void show(TableItem item) {
            ClauseRow row = (ClauseRow) item.getData();
            String[] limit = limits.getOrDefault(row.type(), new String[] { "", "" });
            item.setText(new String[] { row.type(), row.steps(),
                    limit[0].isEmpty() ? "" : limit[0] + " <= " + (limit[1].isEmpty() ? "?" : limit[1]) });
        }

        /** The profile the form describes; the message of a failure names the clause and the value. */
        RequirementProfile profile() throws IOException {
            List<Requirement> requirements = new ArrayList<>();
            for (TableItem item : clauses.getItems()) {
                if (!item.getChecked()) {
                    continue;
                }
                ClauseRow row = (ClauseRow) item.getData();
                String[] limit = limits.getOrDefault(row.type(), new String[] { "", "" });
                if (limit[0].isEmpty()) {
                    requirements.add(Requirement.of(row.type()));
                    continue;
                }
                double max;
                try {
                    max = Double.parseDouble(limit[1]);
                } catch (NumberFormatException e) {
                    throw new IOException(row.type() + ": the limit of " + limit[0] + " must be a number, not '"
                            + limit[1] + "'");
                }
                if (!(max >= 0) || Double.isInfinite(max)) {
                    throw new IOException(row.type() + ": the limit of " + limit[0] + " must be zero or more");
                }
                requirements.add(new Requirement(row.type(), Optional.of(limit[0]), Optional.of(max)));
            }
            String profileName = name.getText().strip();
            if (profileName.isEmpty()) {
                throw new IOException("The profile needs a name");
            }
            return new RequirementProfile(profileName, requirements, horizon.getSelection(),
                    milestone.getSelectionIndex() == 1 ? Milestone.END_OF_SUPPORT : Milestone.END_OF_SECURITY_UPDATES);
        }

        @Override
        protected void buttonPressed(int buttonId) {
            if (buttonId == IDialogConstants.OK_ID) {
                try {
                    ProfilePreferences.save(profile());
                    checks.run(checks.asOf());
                } catch (IOException e) {
                    problem.setText(e.getMessage() + ". Nothing was saved.");
                    problem.getParent().layout();
                    return;
                }
            }
            super.buttonPressed(buttonId);
        }
    }
}
