package org.civicsla.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** {@code civicsla version}: the versions of CivicSLA's bundles and of the Java runtime. */
final class VersionCommand implements Command {

    @Override
    public String name() {
        return "version";
    }

    @Override
    public String summary() {
        return "print the versions of CivicSLA, its bundles and Java";
    }

    @Override
    public String help() {
        return "Usage: civicsla version\n\nPrints the version of each CivicSLA bundle and of the Java runtime.\n";
    }

    @Override
    public int run(List<String> args, PrintWriter out, PrintWriter err) throws UsageException {
        Arguments.parse(args, Set.of(), Set.of()).withoutOperands();
        Bundle self = FrameworkUtil.getBundle(VersionCommand.class);
        if (self != null) {
            for (Bundle bundle : self.getBundleContext().getBundles()) {
                if (bundle.getSymbolicName().startsWith("org.civicsla")) {
                    out.println(bundle.getSymbolicName() + " " + bundle.getVersion());
                }
            }
        }
        out.println("Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")");
        return ExitCode.OK;
    }
}
