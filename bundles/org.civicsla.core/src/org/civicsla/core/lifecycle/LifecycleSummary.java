package org.civicsla.core.lifecycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civicsla.core.model.Contract;
import org.civicsla.core.model.ContractStatus;
import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.Milestone;
import org.civicsla.core.model.WorkspaceData;

/**
 * The life-cycle picture of a workspace as of a date, for the command line's {@code lifecycle}
 * command and the workbench: how many devices and models are supported, end within the planning
 * horizon, are unsupported or have no known date; which active contracts have a notice deadline within
 * the horizon; and the replacement plan per year.
 *
 * @param devicesByState devices per support state of their model (a device whose model is not in the
 *        workspace counts as {@link SupportState#UNKNOWN}); every state is present, possibly with 0
 * @param modelsByState device models per support state; every state is present
 * @param noticeDeadlines active contracts whose next notice deadline falls on or after {@code asOf}
 *        and no later than the horizon's end, earliest first
 */
public record LifecycleSummary(
        LocalDate asOf,
        Milestone milestone,
        int horizonMonths,
        Map<SupportState, Integer> devicesByState,
        Map<SupportState, Integer> modelsByState,
        List<NoticeDeadline> noticeDeadlines,
        List<PlanYear> replacementPlan) {

    /**
     * A contract's next notice deadline with the term it ends and the day the city's commitment ends
     * if it gives notice by then.
     */
    public record NoticeDeadline(Contract contract, LocalDate deadline, Term term, LocalDate endOfCommitment) {
    }

    public LifecycleSummary {
        // Kept in SupportState order, so a summary prints in the same order every time.
        devicesByState = Collections.unmodifiableMap(new EnumMap<>(devicesByState));
        modelsByState = Collections.unmodifiableMap(new EnumMap<>(modelsByState));
        noticeDeadlines = List.copyOf(noticeDeadlines);
        replacementPlan = List.copyOf(replacementPlan);
    }

    /** The horizon's last day: deadlines and support ends up to here are "within the horizon". */
    public LocalDate horizonEnd() {
        return asOf.plusMonths(horizonMonths);
    }

    public static LifecycleSummary of(WorkspaceData data, LocalDate asOf, Milestone milestone, int horizonMonths) {
        if (horizonMonths < 0) {
            throw new IllegalArgumentException("horizonMonths is negative: " + horizonMonths);
        }
        Map<String, SupportState> stateByModel = new HashMap<>();
        Map<SupportState, Integer> models = zeroes();
        for (DeviceModel model : data.deviceModels()) {
            SupportState state = SupportStatus.of(model, milestone, asOf, horizonMonths);
            stateByModel.put(model.id(), state);
            models.merge(state, 1, Integer::sum);
        }
        Map<SupportState, Integer> devices = zeroes();
        for (Device device : data.devices()) {
            devices.merge(stateByModel.getOrDefault(device.modelId(), SupportState.UNKNOWN), 1, Integer::sum);
        }
        LocalDate horizonEnd = asOf.plusMonths(horizonMonths);
        List<NoticeDeadline> deadlines = new ArrayList<>();
        for (Contract contract : data.contracts()) {
            if (contract.status() != ContractStatus.ACTIVE) {
                continue;
            }
            Optional<LocalDate> deadline = ContractTerms.nextNoticeDeadline(contract, asOf)
                    .filter(d -> !d.isBefore(asOf) && !d.isAfter(horizonEnd));
            if (deadline.isPresent()) {
                // The deadline may belong to the term after the current one (this term's has passed).
                Term current = ContractTerms.currentTerm(contract, asOf).orElseThrow();
                LocalDate commitment = ContractTerms.endOfCommitment(contract, asOf).orElseThrow();
                Term ended = commitment.equals(current.end()) ? current
                        : new Term(current.end(), commitment, current.renewals() + 1);
                deadlines.add(new NoticeDeadline(contract, deadline.get(), ended, commitment));
            }
        }
        deadlines.sort(Comparator.comparing(NoticeDeadline::deadline).thenComparing(d -> d.contract().id()));
        return new LifecycleSummary(asOf, milestone, horizonMonths, devices, models, deadlines,
                ReplacementPlan.perYear(data, milestone, asOf));
    }

    private static Map<SupportState, Integer> zeroes() {
        Map<SupportState, Integer> counts = new EnumMap<>(SupportState.class);
        for (SupportState state : SupportState.values()) {
            counts.put(state, 0);
        }
        return counts;
    }
}
