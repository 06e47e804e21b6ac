package org.civicsla.cli;

import java.io.PrintWriter;
import java.util.List;

/** One subcommand of {@code civicsla}. */
interface Command {

    String name();

    /** One line for the command list. */
    String summary();

    /** The full help text of the command, shown by {@code civicsla <command> --help}. */
    String help();

    /** Runs the command; returns an {@link ExitCode}. */
    int run(List<String> args, PrintWriter out, PrintWriter err) throws UsageException, InputException;
}
