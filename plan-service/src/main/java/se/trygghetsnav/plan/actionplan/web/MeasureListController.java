package se.trygghetsnav.plan.actionplan.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.trygghetsnav.commons.web.PageResponse;
import se.trygghetsnav.commons.web.Paging;
import se.trygghetsnav.plan.actionplan.ActionPlans;
import se.trygghetsnav.plan.actionplan.ActionPlans.PlanMeasure;
import se.trygghetsnav.plan.actionplan.Schedule;
import se.trygghetsnav.plan.actionplan.web.PlanViews.MeasureResponse;
import se.trygghetsnav.plan.web.PlanRoles;
import se.trygghetsnav.plandocument.MeasureKind;

/**
 * Measures across plans, for a unit's work list: by responsible unit, due window and kind. Plans are read
 * whole (one document each, a few hundred measures), so the filter runs in memory.
 */
@RestController
@Tag(name = "Measures", description = "Åtgärder by responsible unit, due window and kind")
public class MeasureListController {

    private final ActionPlans plans;
    private final PlanViews views;

    public MeasureListController(ActionPlans plans, PlanViews views) {
        this.plans = plans;
        this.views = views;
    }

    @GetMapping("/api/v1/measures")
    @PreAuthorize(PlanRoles.READERS)
    @Operation(summary = "List the measures of the caller's organisation's plans in play (drafts and adopted)",
            description = "Ordered by deadline (none last). dueFrom/dueTo keep measures whose deadline falls in the window.")
    public PageResponse<MeasureResponse> list(@ParameterObject @Valid MeasureFilter filter,
            @Valid @ParameterObject Paging paging) {
        return find(null, filter, paging);
    }

    @GetMapping("/api/v1/plans/{planId}/measures")
    @PreAuthorize(PlanRoles.READERS)
    @Operation(summary = "List a plan's measures, filtered like /api/v1/measures")
    public PageResponse<MeasureResponse> listOfPlan(@PathVariable UUID planId, @ParameterObject @Valid MeasureFilter filter,
            @Valid @ParameterObject Paging paging) {
        return find(planId, filter, paging);
    }

    private PageResponse<MeasureResponse> find(@Nullable UUID planId, MeasureFilter filter, Paging paging) {
        List<PlanMeasure> matching;
        try (var measures = planId == null ? plans.measuresInPlay() : plans.measuresOf(planId)) {
            matching = measures.filter(filter::matches)
                    .sorted(Comparator.comparing(MeasureListController::deadline, Comparator.nullsLast(Comparator.naturalOrder())))
                    .toList();
        }
        Pageable pageable = paging.sortedBy(Sort.unsorted());
        int from = (int) Math.min(pageable.getOffset(), matching.size());
        int to = Math.min(from + pageable.getPageSize(), matching.size());
        return PageResponse.of(new PageImpl<>(views.measures(matching.subList(from, to)), pageable, matching.size()),
                response -> response);
    }

    private static @Nullable LocalDate deadline(PlanMeasure measure) {
        Schedule schedule = measure.measure().content().schedule();
        return schedule == null ? null : schedule.deadline();
    }

    /**
     * @param unitId measures this unit is responsible for
     * @param dueFrom deadline on or after this day
     * @param dueTo deadline on or before this day
     * @param kind punktinsats or ordinary work
     */
    public record MeasureFilter(
            @Parameter(description = "Responsible unit") @Nullable UUID unitId,
            @Parameter(description = "Deadline on or after (ISO date)") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueFrom,
            @Parameter(description = "Deadline on or before (ISO date)") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueTo,
            @Parameter(description = "POINT_EFFORT or ORDINARY_WORK") @Nullable MeasureKind kind) {

        boolean matches(PlanMeasure located) {
            var content = located.measure().content();
            if (unitId != null && !content.responsibleUnitIds().contains(unitId)) {
                return false;
            }
            if (kind != null && kind != content.kind()) {
                return false;
            }
            if (dueFrom == null && dueTo == null) {
                return true;
            }
            LocalDate deadline = deadline(located);
            return deadline != null && (dueFrom == null || !deadline.isBefore(dueFrom))
                    && (dueTo == null || !deadline.isAfter(dueTo));
        }
    }
}
