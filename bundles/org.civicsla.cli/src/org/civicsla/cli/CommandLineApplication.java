package org.civicsla.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * The headless Eclipse application behind {@code civicsla <command>}. It runs in the same OSGi
 * runtime as the desktop product, so the commands use exactly the services the workbench uses.
 */
public final class CommandLineApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        context.applicationRunning();
        String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS,
                new String[0]);
        // The command line is the one place that writes to the terminal: its output is the product.
        Charset charset = Charset.defaultCharset();
        // Standard output itself, not System.out: a PrintStream keeps write errors to itself, and a full disk or a
        // closed pipe must reach CommandLine (PrintWriter.checkError), which tells the script.
        PrintWriter out = new PrintWriter(new TerminalSafeWriter(new OutputStreamWriter(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), charset)), false);
        PrintWriter err = new PrintWriter(new TerminalSafeWriter(new OutputStreamWriter(System.err, charset)), true);
        return Integer.valueOf(new CommandLine(Commands.all()).run(args, out, err));
    }

    @Override
    public void stop() {
        // Commands are short-lived and check no stop flag; the runtime shuts down after start returns.
    }
}
