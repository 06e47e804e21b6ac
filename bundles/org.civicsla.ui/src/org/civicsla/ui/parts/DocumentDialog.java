package org.civicsla.ui.parts;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/** A contract document's text, opened at a passage, which is highlighted and scrolled into view. */
final class DocumentDialog extends Dialog {

    private final String title;
    private final String text;
    private final int start;
    private final int end;

    DocumentDialog(Shell parent, String title, String text, int start, int end) {
        super(parent);
        this.title = title;
        this.text = text;
        this.start = Math.max(0, Math.min(start, text.length()));
        this.end = Math.max(this.start, Math.min(end, text.length()));
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        StyledText document = new StyledText(area, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        document.setData(VendorsPart.TEST_ID, "document.text");
        document.setText(text);
        StyleRange passage = new StyleRange();
        passage.start = start;
        passage.length = end - start;
        passage.background = parent.getDisplay().getSystemColor(SWT.COLOR_YELLOW);
        document.setStyleRange(passage);
        GridDataFactory.fillDefaults().grab(true, true).hint(760, 520).applyTo(document);
        document.setSelection(start);
        document.setTopIndex(Math.max(0, document.getLineAtOffset(start) - 3));
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        close();
    }
}
