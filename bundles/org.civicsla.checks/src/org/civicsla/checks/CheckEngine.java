package org.civicsla.checks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.civicsla.core.check.Check;
import org.civicsla.core.check.CheckContext;
import org.civicsla.core.check.CheckFailure;
import org.civicsla.core.check.CheckRun;
import org.civicsla.core.check.ClauseEvidence;
import org.civicsla.core.check.Finding;
import org.civicsla.core.check.RequirementProfile;
import org.civicsla.core.model.WorkspaceData;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Runs every registered {@link Check}: the built-in ones and whatever plugins contribute as DS
 * components. Each check runs on its own worker with a time limit; a check that throws, times out
 * or is cancelled becomes a {@link CheckFailure} in the run and never stops the others.
 */
@Component(service = CheckEngine.class)
public final class CheckEngine {

    private final List<Check> checks = new CopyOnWriteArrayList<>();
    private final long timeLimitMillis;

    /** For OSGi: checks arrive as services. */
    public CheckEngine() {
        this(List.of(), TimeUnit.SECONDS.toMillis(60));
    }

    /** Without OSGi (command line tests, benchmarks): the given checks and time limit per check. */
    public CheckEngine(List<Check> checks, long timeLimitMillis) {
        this.checks.addAll(checks);
        this.timeLimitMillis = timeLimitMillis;
    }

    @Reference(service = Check.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCheck(Check check) {
        checks.add(check);
    }

    void removeCheck(Check check) {
        checks.remove(check);
    }

    /** The registered checks, by step and id. */
    public List<Check> checks() {
        List<Check> sorted = new ArrayList<>(checks);
        sorted.sort(Comparator.comparingInt(Check::step).thenComparing(Check::id));
        return sorted;
    }

    /**
     * Re-checks only the vendors whose records changed and keeps the previous run's findings for the
     * others: the checks judge each vendor on its own records (its contracts, clause records, device
     * models and devices), so a vendor's findings depend on nothing else. The result is the run a
     * full evaluation of {@code data} would give, at a fraction of the cost.
     */
    public CheckRun recheck(CheckRun previous, WorkspaceData data, java.util.Set<String> changedVendors,
            ClauseEvidence evidence, List<Integer> steps, BooleanSupplier cancelled) {
        java.util.Set<String> models = new java.util.HashSet<>();
        data.deviceModels().stream().filter(m -> changedVendors.contains(m.vendorId())).forEach(m -> models.add(m.id()));
        java.util.Set<String> contracts = new java.util.HashSet<>();
        data.contracts().stream().filter(c -> changedVendors.contains(c.vendorId())).forEach(c -> contracts.add(c.id()));
        WorkspaceData slice = new WorkspaceData(
                data.vendors().stream().filter(v -> changedVendors.contains(v.id())).toList(),
                data.contracts().stream().filter(c -> contracts.contains(c.id())).toList(),
                data.clauses().stream().filter(c -> contracts.contains(c.contractId())).toList(),
                data.deviceModels().stream().filter(m -> models.contains(m.id())).toList(),
                data.devices().stream().filter(d -> models.contains(d.modelId())).toList());
        CheckRun partial = run(slice, previous.asOf(), previous.profile(), evidence, steps, cancelled);
        List<Finding> findings = new ArrayList<>();
        previous.findings().stream().filter(f -> !changedVendors.contains(f.vendorId())).forEach(findings::add);
        findings.addAll(partial.findings());
        return new CheckRun(partial.ranAt(), previous.asOf(), previous.profile(), findings, partial.failures());
    }

    /** Runs the checks of {@code steps} (all when empty) as of {@code asOf}. */
    public CheckRun run(WorkspaceData data, LocalDate asOf, RequirementProfile profile, ClauseEvidence evidence,
            List<Integer> steps, BooleanSupplier cancelled) {
        CheckContext context = new CheckContext(data, asOf, profile, evidence, cancelled);
        List<Finding> findings = new ArrayList<>();
        List<CheckFailure> failures = new ArrayList<>();
        ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "civicsla-check");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Check> selected = checks().stream().filter(c -> steps.isEmpty() || steps.contains(c.step())).toList();
            List<Future<List<Finding>>> running = new ArrayList<>();
            for (Check check : selected) {
                running.add(workers.submit(() -> check.evaluate(context)));
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeLimitMillis);
            for (int i = 0; i < selected.size(); i++) {
                Check check = selected.get(i);
                Future<List<Finding>> result = running.get(i);
                try {
                    long left = Math.max(0, deadline - System.nanoTime());
                    List<Finding> produced = result.get(left, TimeUnit.NANOSECONDS);
                    findings.addAll(produced == null ? List.of() : produced);
                } catch (TimeoutException e) {
                    result.cancel(true);
                    failures.add(new CheckFailure(check.id(), check.step(),
                            "did not finish within " + timeLimitMillis / 1000.0 + " s; its findings are missing"));
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    failures.add(new CheckFailure(check.id(), check.step(), "failed: " + cause.getClass().getSimpleName()
                            + (cause.getMessage() == null ? "" : ": " + cause.getMessage())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures.add(new CheckFailure(check.id(), check.step(), "cancelled"));
                    break;
                }
            }
        } finally {
            workers.shutdownNow();
        }
        return new CheckRun(Instant.now(), asOf, profile, findings, failures);
    }
}
