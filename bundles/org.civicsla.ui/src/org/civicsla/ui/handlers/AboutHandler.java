package org.civicsla.ui.handlers;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Collectors;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import jakarta.inject.Named;

/** Help > About: the versions a support request needs (CivicSLA bundles, platform, Java). */
public final class AboutHandler {

    @Execute
    public void execute(@Named("activeShell") Shell shell) {
        MessageDialog.openInformation(shell, "About CivicSLA", text());
    }

    static String text() {
        Bundle self = FrameworkUtil.getBundle(AboutHandler.class);
        Bundle[] bundles = self == null ? new Bundle[0] : self.getBundleContext().getBundles();
        String ours = Arrays.stream(bundles).filter(b -> b.getSymbolicName().startsWith("org.civicsla"))
                .sorted(Comparator.comparing(Bundle::getSymbolicName))
                .map(b -> "  " + b.getSymbolicName() + " " + b.getVersion()).collect(Collectors.joining("\n"));
        String platform = Arrays.stream(bundles)
                .filter(b -> b.getSymbolicName().equals("org.eclipse.e4.ui.workbench")
                        || b.getSymbolicName().equals("org.eclipse.swt") || b.getSymbolicName().equals("org.eclipse.osgi"))
                .map(b -> "  " + b.getSymbolicName() + " " + b.getVersion()).collect(Collectors.joining("\n"));
        return "CivicSLA: security and life-cycle checks for smart-city vendor contracts.\n\n"
                + "CivicSLA bundles:\n" + ours + "\n\nPlatform:\n" + platform + "\n\nJava " + Runtime.version()
                + " (" + System.getProperty("java.vendor") + ")";
    }
}
