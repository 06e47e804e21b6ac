package org.civicsla.io;

import java.util.List;

/** An import was refused: nothing was stored. {@link #problems()} lists every problem found. */
public final class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ImportProblem> problems;

    public ImportException(List<ImportProblem> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + ", nothing was imported; first: "
                + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
