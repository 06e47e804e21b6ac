package org.civicsla.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dispatches {@code civicsla <command> [options]} to a {@link Command} and turns failures into
 * messages on stderr and exit codes: 0 fine, 1 findings, 2 usage or input error.
 */
final class CommandLine {

    private final Map<String, Command> commands = new LinkedHashMap<>();

    CommandLine(List<Command> commands) {
        for (Command command : commands) {
            this.commands.put(command.name(), command);
        }
    }

    int run(String[] args, PrintWriter out, PrintWriter err) {
        int code = dispatch(args, out, err);
        // A PrintWriter keeps its write errors to itself: on a full disk, or to a reader that closed the pipe, a
        // script would get half a CSV and exit 0.
        if (out.checkError()) {
            err.println("civicsla: the output could not be written in full (a full disk, or the reader closed the pipe)");
            err.flush();
            return ExitCode.ERROR;
        }
        return code;
    }

    private int dispatch(String[] args, PrintWriter out, PrintWriter err) {
        try {
            if (args.length == 0 || isHelp(args[0]) || args[0].equals("help") && args.length == 1) {
                out.print(overview());
                return ExitCode.OK;
            }
            String name = args[0].equals("help") ? args[1] : args[0];
            Command command = commands.get(name);
            if (command == null) {
                throw new UsageException("unknown command '" + name + "'");
            }
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            if (args[0].equals("help") || rest.stream().anyMatch(CommandLine::isHelp)) {
                out.print(command.help());
                return ExitCode.OK;
            }
            return command.run(rest, out, err);
        } catch (UsageException e) {
            err.println("civicsla: " + e.getMessage());
            err.println("Run 'civicsla --help' for the commands, 'civicsla <command> --help' for one.");
            return ExitCode.ERROR;
        } catch (InputException e) {
            err.println("civicsla: " + message(e));
            return ExitCode.ERROR;
        } catch (RuntimeException e) {
            // An unexpected failure still names what the user asked for; the stack trace goes to the log.
            err.println("civicsla: " + String.join(" ", args) + ": " + describe(e));
            // A file that cannot be written (a full disk, wrapped by a library) is the machine's trouble, said above;
            // anything else is ours, and its stack trace is for whoever fixes it.
            if (!(rootCause(e) instanceof java.io.IOException)) {
                System.getLogger(CommandLine.class.getName()).log(System.Logger.Level.ERROR, "command failed", e);
            }
            return ExitCode.ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The input error's message; a missing or unreadable file, whose exception says no more than its path
     * ("civicsla: nope.txt"), also says what is wrong with it.
     */
    static String message(InputException e) {
        String message = e.getMessage();
        if (e.getCause() instanceof java.nio.file.FileSystemException file && file.getReason() == null && file.getFile() != null
                && message != null && message.endsWith(file.getFile())) {
            String reason = file instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                    : file instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : file instanceof java.nio.file.NotDirectoryException ? "not a folder" : null;
            return reason == null ? message : message + ": " + reason;
        }
        return message;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("-?");
    }

    String overview() {
        StringBuilder text = new StringBuilder();
        text.append("Usage: civicsla [<command> [options]]\n\n");
        text.append("Without a command, civicsla opens the desktop workbench.\n\nCommands:\n");
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(8);
        for (Command command : commands.values()) {
            text.append("  ").append(command.name()).append(" ".repeat(width - command.name().length() + 2))
                    .append(command.summary()).append('\n');
        }
        text.append("\nPlugins: 'civicsla install <p2 repository> <feature id>...' installs checks from a p2 repository.\n");
        text.append("\nExit codes: 0 fine, 1 findings (e.g. a vendor fails a step), 2 usage or input error.\n");
        text.append("Run 'civicsla <command> --help' for a command's options.\n");
        return text.toString();
    }
}
