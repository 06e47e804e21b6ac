package org.civicsla.report;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * How a long report tells its caller how far it got and learns that it should stop. The workbench
 * adapts an Eclipse progress monitor to it; the command line passes {@link #NONE}. Reports check
 * {@link #isCancelled()} between vendors and throw {@link CancellationException} when it says so.
 */
public interface ReportMonitor {

    /** Reports nothing and never cancels. */
    ReportMonitor NONE = cancelledBy(() -> false);

    /** Called once, before any work, with the number of units the whole report will take. */
    void begin(String task, int totalWork);

    /** {@code units} more units are done. */
    void worked(int units);

    boolean isCancelled();

    /** A monitor that reports no progress and cancels when {@code cancelled} says so. */
    static ReportMonitor cancelledBy(BooleanSupplier cancelled) {
        Objects.requireNonNull(cancelled, "cancelled");
        return new ReportMonitor() {
            @Override
            public void begin(String task, int totalWork) {
            }

            @Override
            public void worked(int units) {
            }

            @Override
            public boolean isCancelled() {
                return cancelled.getAsBoolean();
            }
        };
    }

    /** Throws {@link CancellationException} when the monitor says the work should stop. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("report cancelled");
        }
    }
}
