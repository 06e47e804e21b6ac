package org.civicsla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    /** A command that echoes its operands and fails on demand, to see how the dispatcher reacts. */
    private static final class Echo implements Command {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String summary() {
            return "echo the operands";
        }

        @Override
        public String help() {
            return "Usage: civicsla echo [--fail usage|input|crash] <words>\n";
        }

        @Override
        public int run(List<String> args, PrintWriter out, PrintWriter err) throws UsageException, InputException {
            Arguments parsed = Arguments.parse(args, Set.of("fail"), Set.of("findings"));
            switch (parsed.option("fail").orElse("")) {
                case "usage" -> throw new UsageException("bad usage");
                case "input" -> throw new InputException("contracts.xlsx, sheet Vendors, row 3: no name");
                case "crash" -> throw new IllegalStateException("boom");
                default -> out.println(String.join(" ", parsed.operands()));
            }
            return parsed.flag("findings") ? ExitCode.FINDINGS : ExitCode.OK;
        }
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(List.of(new Echo())).run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void noArgumentsPrintTheCommandList() {
        assertEquals(ExitCode.OK, run("--help"));
        assertTrue(out.toString().contains("echo  echo the operands"), out.toString());
        assertTrue(out.toString().contains("Exit codes: 0 fine, 1 findings"), out.toString());
    }

    @Test
    void commandHelpIsPrintedForHelpOptionOrHelpCommand() {
        assertEquals(ExitCode.OK, run("echo", "--help"));
        assertEquals(ExitCode.OK, run("help", "echo"));
        assertEquals("Usage: civicsla echo [--fail usage|input|crash] <words>\n".repeat(2), out.toString());
    }

    @Test
    void runsTheCommandAndReturnsItsExitCode() {
        assertEquals(ExitCode.OK, run("echo", "a", "b"));
        assertEquals("a b", out.toString().strip());
        assertEquals(ExitCode.FINDINGS, run("echo", "--findings", "x"));
    }

    @Test
    void unknownCommandOrOptionIsAUsageError() {
        assertEquals(ExitCode.ERROR, run("frobnicate"));
        assertTrue(err.toString().contains("unknown command 'frobnicate'"), err.toString());
        assertEquals(ExitCode.ERROR, run("echo", "--colour", "red"));
        assertTrue(err.toString().contains("unknown option --colour"), err.toString());
    }

    @Test
    void inputErrorsNameTheFileOnStderr() {
        assertEquals(ExitCode.ERROR, run("echo", "--fail", "input"));
        assertEquals("civicsla: contracts.xlsx, sheet Vendors, row 3: no name", err.toString().strip());
        assertEquals("", out.toString());
    }

    @Test
    void unexpectedFailuresAreReportedNotThrown() {
        assertEquals(ExitCode.ERROR, run("echo", "--fail", "crash"));
        assertTrue(err.toString().contains("boom"), err.toString());
    }

    /** Output that could not be written (a full disk, a closed pipe) is an error a script can see, not exit 0. */
    @Test
    void anOutputThatCannotBeWrittenIsAnError() {
        java.io.Writer full = new java.io.Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        int code = new CommandLine(List.of(new Echo())).run(new String[] { "echo", "a" }, new PrintWriter(full),
                new PrintWriter(err));
        assertEquals(ExitCode.ERROR, code);
        assertTrue(err.toString().startsWith("civicsla: the output could not be written in full"), err.toString());
    }

    /** A vendor named with an escape sequence cannot retitle or clear the terminal of whoever reads the output. */
    @Test
    void controlCharactersDoNotReachTheTerminal() throws java.io.IOException {
        StringWriter terminal = new StringWriter();
        try (PrintWriter safe = new PrintWriter(new TerminalSafeWriter(terminal))) {
            safe.println("Evil\u001b]0;pwned\u0007\u001b[2J\u009bRED\tok");
            safe.print('\u001b');
        }
        assertEquals("Evil\uFFFD]0;pwned\uFFFD\uFFFD[2J\uFFFDRED\tok" + System.lineSeparator() + "\uFFFD", terminal.toString());
    }

    @Test
    void argumentsParseOptionsFlagsAndOperands() throws UsageException {
        Arguments parsed = Arguments.parse(List.of("--workspace", "w", "--as-of=2026-01-01", "--dry-run", "f.xlsx"),
                Set.of("workspace", "as-of"), Set.of("dry-run"));
        assertEquals("w", parsed.required("workspace"));
        assertEquals("2026-01-01", parsed.option("as-of").orElseThrow());
        assertTrue(parsed.flag("dry-run"));
        assertEquals(List.of("f.xlsx"), parsed.operands());
        UsageException missing = assertThrows(UsageException.class,
                () -> Arguments.parse(List.of("--workspace"), Set.of("workspace"), Set.of()));
        assertEquals("option --workspace needs a value", missing.getMessage());
        // Given twice, the last would win unseen; a word left over by a command of options only is a mistake.
        assertEquals("option --workspace is given twice", assertThrows(UsageException.class, () -> Arguments.parse(
                List.of("--workspace", "a", "--workspace", "b"), Set.of("workspace"), Set.of())).getMessage());
        assertEquals("'V-001' is not an option; this command takes options only", assertThrows(UsageException.class,
                () -> Arguments.parse(List.of("--workspace", "w", "V-001"), Set.of("workspace"), Set.of()).withoutOperands())
                .getMessage());
    }
}
