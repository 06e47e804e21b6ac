package org.civicsla.cli;

/** Exit codes of the command line, documented in `civicsla --help` and the README. */
final class ExitCode {
    static final int OK = 0;
    /** The command ran and found something a person must act on (e.g. a vendor fails a step). */
    static final int FINDINGS = 1;
    /** Usage or input error: nothing was changed. */
    static final int ERROR = 2;

    private ExitCode() {
    }
}
