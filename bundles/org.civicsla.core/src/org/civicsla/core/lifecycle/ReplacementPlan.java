package org.civicsla.core.lifecycle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.Milestone;
import org.civicsla.core.model.WorkspaceData;

/**
 * When each device should be replaced, per year: the planned replacement date when one is set, else
 * the earlier of the end of its planned service life (when its install date and service life are
 * known) and the end of support (chosen milestone).
 * Devices already overdue are due in the year of {@code asOf}; devices with no date at all are not
 * in the plan (the step 5 check reports them as unknown).
 */
public final class ReplacementPlan {

    private ReplacementPlan() {
    }

    public static Optional<LocalDate> dueDate(Device device, DeviceModel model, Milestone milestone) {
        if (device.plannedReplacement().isPresent()) {
            return device.plannedReplacement();
        }
        // A service life of 0 years is an unknown one (an empty cell), not a device due the day it was installed.
        Optional<LocalDate> serviceEnd = device.serviceLifeYears() > 0 ? device.plannedServiceEnd() : Optional.empty();
        Optional<LocalDate> supportEnd = model == null ? Optional.empty() : SupportStatus.supportEnd(model, milestone);
        if (serviceEnd.isPresent() && supportEnd.isPresent()) {
            return Optional.of(serviceEnd.get().isBefore(supportEnd.get()) ? serviceEnd.get() : supportEnd.get());
        }
        return serviceEnd.or(() -> supportEnd);
    }

    public static List<PlanYear> perYear(WorkspaceData data, Milestone milestone, LocalDate asOf) {
        Map<String, DeviceModel> models = data.deviceModels().stream()
                .collect(Collectors.toMap(DeviceModel::id, Function.identity(), (a, b) -> a));
        Map<Integer, int[]> counts = new TreeMap<>();
        Map<Integer, BigDecimal> costs = new TreeMap<>();
        for (Device device : data.devices()) {
            DeviceModel model = models.get(device.modelId());
            Optional<LocalDate> due = dueDate(device, model, milestone);
            if (due.isEmpty()) {
                continue;
            }
            int year = Math.max(due.get().getYear(), asOf.getYear());
            counts.computeIfAbsent(year, y -> new int[1])[0]++;
            BigDecimal cost = model == null ? BigDecimal.ZERO : model.unitCost().orElse(BigDecimal.ZERO);
            costs.merge(year, cost, BigDecimal::add);
        }
        List<PlanYear> plan = new ArrayList<>();
        counts.forEach((year, count) -> plan.add(new PlanYear(year, count[0], costs.get(year))));
        return plan;
    }
}
