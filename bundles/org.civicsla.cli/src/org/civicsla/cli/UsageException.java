package org.civicsla.cli;

/** The command line was wrong (unknown command or option, missing value); exit code 2. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
