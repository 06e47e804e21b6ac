package org.civicsla.cli;

/**
 * An input file or workspace could not be used; exit code 2. The message names the file and
 * what is wrong with it, because that is all a person at a terminal gets to see.
 */
final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    InputException(String message) {
        super(message);
    }

    InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
