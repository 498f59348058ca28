package se.trygghetsnav.plan.actionplan.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springdoc.core.annotations.ParameterObject;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.trygghetsnav.commons.problem.ResourceNotFoundException;
import se.trygghetsnav.commons.security.Caller;
import se.trygghetsnav.commons.web.ETags;
import se.trygghetsnav.commons.web.PageResponse;
import se.trygghetsnav.commons.web.Paging;
import se.trygghetsnav.plan.actionplan.ActionPlan;
import se.trygghetsnav.plan.actionplan.ActionPlans;
import se.trygghetsnav.plan.actionplan.Measure;
import se.trygghetsnav.plan.actionplan.PlanPeriod;
import se.trygghetsnav.plan.actionplan.PlanStatus;
import se.trygghetsnav.plan.orgunit.OrgUnit;
import se.trygghetsnav.plan.orgunit.persistence.OrgUnitRepository;
import se.trygghetsnav.plan.web.PlanRoles;

@RestController
@RequestMapping("/api/v1/plans")
@Tag(name = "Action plans", description = "Åtgärdsplaner and their measures (åtgärder)")
public class ActionPlanController {

    private final ActionPlans plans;
    private final OrgUnitRepository units;

    public ActionPlanController(ActionPlans plans, OrgUnitRepository units) {
        this.plans = plans;
        this.units = units;
    }

    @PostMapping
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Start a plan of the caller's organisation as a draft")
    public ResponseEntity<PlanResponse> start(Caller caller, @Valid @RequestBody StartPlanRequest request) {
        ActionPlan plan = plans.start(caller.organisationId(), request.title().strip(),
                new PlanPeriod(request.period().startYear(), request.period().endYear()));
        return ResponseEntity.created(URI.create("/api/v1/plans/" + plan.getId()))
                .eTag(ETags.of(plan.getVersion()))
                .body(view(plan));
    }

    @GetMapping("/{planId}")
    @PreAuthorize(PlanRoles.READERS)
    @Operation(summary = "Read a plan with its measures")
    public ResponseEntity<PlanResponse> get(@PathVariable UUID planId) {
        ActionPlan plan = plans.get(planId);
        return ResponseEntity.ok().eTag(ETags.of(plan.getVersion())).body(view(plan));
    }

    @GetMapping
    @PreAuthorize(PlanRoles.READERS)
    @Operation(summary = "List the caller's organisation's plans, newest first")
    public PageResponse<PlanSummary> list(@Valid @ParameterObject Paging paging) {
        return PageResponse.of(plans.list(paging.sortedBy(Sort.by(Sort.Direction.DESC, "createdAt"))),
                PlanSummary::of);
    }

    @PostMapping("/{planId}/measures")
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Add a measure (åtgärd) to a plan",
            description = "Send the plan's ETag in If-Match to refuse the change if someone changed the plan since you read it.")
    public ResponseEntity<MeasureResponse> addMeasure(@PathVariable UUID planId,
            @Parameter(description = "The plan's ETag as read") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AddMeasureRequest request) {
        ActionPlans.Added added = plans.addMeasure(planId, ifMatch, request.title().strip(),
                request.description(), request.dueDate(), request.responsibleUnitIds());
        return ResponseEntity.created(URI.create("/api/v1/plans/" + planId + "/measures/" + added.measure().id()))
                .eTag(ETags.of(added.plan().getVersion()))
                .body(measureView(added.measure(), unitsOf(added.plan())));
    }

    @GetMapping("/{planId}/measures/{measureId}")
    @PreAuthorize(PlanRoles.READERS)
    @Operation(summary = "Read one measure of a plan")
    public ResponseEntity<MeasureResponse> getMeasure(@PathVariable UUID planId, @PathVariable UUID measureId) {
        ActionPlan plan = plans.get(planId);
        Measure measure = plan.measure(measureId).orElseThrow(() -> new ResourceNotFoundException("measure", measureId));
        return ResponseEntity.ok().eTag(ETags.of(plan.getVersion())).body(measureView(measure, unitsOf(plan)));
    }

    private PlanResponse view(ActionPlan plan) {
        Map<UUID, OrgUnit> units = unitsOf(plan);
        return new PlanResponse(plan.getId(), plan.getOrganisationId(), plan.getTitle(),
                new Period(plan.getPeriod().startYear(), plan.getPeriod().endYear()), plan.getStatus(),
                plan.getMeasures().stream().map(measure -> measureView(measure, units)).toList(), plan.getCreatedAt(),
                plan.getVersion());
    }

    private Map<UUID, OrgUnit> unitsOf(ActionPlan plan) {
        List<UUID> ids = plan.getMeasures().stream().flatMap(measure -> measure.responsibleUnitIds().stream()).distinct().toList();
        return units.findByIdIn(ids).stream()
                .collect(Collectors.toMap(OrgUnit::getId, Function.identity()));
    }

    private static MeasureResponse measureView(Measure measure, Map<UUID, OrgUnit> units) {
        return new MeasureResponse(measure.id(), measure.title(), measure.description(), measure.dueDate(),
                measure.responsibleUnitIds().stream().map(id -> {
                    OrgUnit unit = units.get(id);
                    return unit == null ? new ResponsibleUnitView(id, null, null)
                            : new ResponsibleUnitView(id, unit.getName(), unit.getAbbreviation());
                }).toList());
    }

    public record Period(@NotNull @Min(2000) @Max(2100) Integer startYear, @NotNull @Min(2000) @Max(2100) Integer endYear) {

        @AssertTrue(message = "{trygghetsnav.period.order}")
        boolean isEndNotBeforeStart() {
            return startYear == null || endYear == null || endYear >= startYear;
        }
    }

    public record StartPlanRequest(
            @NotBlank @Size(max = 300) String title,
            @NotNull @Valid Period period) {
    }

    public record AddMeasureRequest(
            @NotBlank @Size(max = 500) String title,
            @Size(max = 10_000) String description,
            LocalDate dueDate,
            @NotNull @Size(max = 20) List<@NotNull UUID> responsibleUnitIds) {
    }

    public record PlanResponse(UUID id, String organisationId, String title, Period period, PlanStatus status,
            List<MeasureResponse> measures, Instant createdAt, long version) {
    }

    public record PlanSummary(UUID id, String organisationId, String title, Period period, PlanStatus status,
            int measureCount, long version) {

        static PlanSummary of(ActionPlan plan) {
            return new PlanSummary(plan.getId(), plan.getOrganisationId(), plan.getTitle(),
                    new Period(plan.getPeriod().startYear(), plan.getPeriod().endYear()), plan.getStatus(),
                    plan.getMeasures().size(), plan.getVersion());
        }
    }

    public record MeasureResponse(UUID id, String title, String description, LocalDate dueDate,
            List<ResponsibleUnitView> responsibleUnits) {
    }

    /** A responsible unit with its current name, so a renamed unit shows its new name in every plan. */
    public record ResponsibleUnitView(UUID unitId, String name, String abbreviation) {
    }
}
