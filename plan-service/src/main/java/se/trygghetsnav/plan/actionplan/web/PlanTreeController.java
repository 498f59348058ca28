package se.trygghetsnav.plan.actionplan.web;

import java.net.URI;
import java.util.UUID;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.trygghetsnav.commons.web.ETags;
import se.trygghetsnav.plan.actionplan.ActionPlan;
import se.trygghetsnav.plan.actionplan.ActionPlans;
import se.trygghetsnav.plan.actionplan.ActionPlans.Changed;
import se.trygghetsnav.plan.actionplan.Cause;
import se.trygghetsnav.plan.actionplan.CauseContent;
import se.trygghetsnav.plan.actionplan.FocusArea;
import se.trygghetsnav.plan.actionplan.FocusAreaContent;
import se.trygghetsnav.plan.actionplan.GoalContent;
import se.trygghetsnav.plan.actionplan.Measure;
import se.trygghetsnav.plan.actionplan.MeasureContent;
import se.trygghetsnav.plan.actionplan.OperationalGoal;
import se.trygghetsnav.plan.actionplan.PlanElementNotFoundException;
import se.trygghetsnav.plan.actionplan.Problem;
import se.trygghetsnav.plan.actionplan.ProblemContent;
import se.trygghetsnav.plan.actionplan.web.PlanViews.MeasureResponse;
import se.trygghetsnav.plan.actionplan.web.PlanViews.PlanResponse;
import se.trygghetsnav.plan.web.PlanRoles;

/**
 * The plan tree, level by level: focus areas, problems, causes, goals, measures. Elements are created under
 * their parent and addressed by their own id within the plan. Every answer carries the plan's ETag; send
 * it back in If-Match to have a stale change refused (412). Only drafts change (409 otherwise).
 */
@RestController
@RequestMapping("/api/v1/plans/{planId}")
@Tag(name = "Plan tree", description = "Fokusområden, problem, orsaker, operativa mål and åtgärder of a plan")
public class PlanTreeController {

    private final ActionPlans plans;
    private final PlanViews views;

    public PlanTreeController(ActionPlans plans, PlanViews views) {
        this.plans = plans;
        this.views = views;
    }

    // --- focus areas

    @PostMapping("/focus-areas")
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Add a focus area (fokusområde) with its rationale and indicators")
    public ResponseEntity<FocusArea> addFocusArea(@PathVariable UUID planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody FocusAreaContent content) {
        return created(planId, "focus-areas", plans.addFocusArea(planId, ifMatch, content), FocusArea::id);
    }

    @GetMapping("/focus-areas/{focusAreaId}")
    @PreAuthorize(PlanRoles.READERS)
    @Operation(summary = "Read a focus area with its problems")
    public ResponseEntity<FocusArea> getFocusArea(@PathVariable UUID planId, @PathVariable UUID focusAreaId) {
        ActionPlan plan = plans.get(planId);
        return ok(plan, plan.focusArea(focusAreaId).orElseThrow(() -> new PlanElementNotFoundException("focus-area", focusAreaId)));
    }

    @PutMapping("/focus-areas/{focusAreaId}")
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Change a focus area's name, rationale or indicators")
    public ResponseEntity<FocusArea> changeFocusArea(@PathVariable UUID planId, @PathVariable UUID focusAreaId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch, @Valid @RequestBody FocusAreaContent content) {
        Changed<FocusArea> changed = plans.changeFocusArea(planId, ifMatch, focusAreaId, content);
        return ok(changed.plan(), changed.result());
    }

    @DeleteMapping("/focus-areas/{focusAreaId}")
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Remove a focus area with everything under it")
    public ResponseEntity<PlanResponse> removeFocusArea(@PathVariable UUID planId, @PathVariable UUID focusAreaId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return plan(plans.removeFocusArea(planId, ifMatch, focusAreaId));
    }

    // --- problems

    @PostMapping("/focus-areas/{focusAreaId}/problems")
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Add a problem (problemområde, insatsområde, place) to a focus area")
    public ResponseEntity<Problem> addProblem(@PathVariable UUID planId, @PathVariable UUID focusAreaId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch, @Valid @RequestBody ProblemContent content) {
        return created(planId, "problems", plans.addProblem(planId, ifMatch, focusAreaId, content), Problem::id);
    }

    @GetMapping("/problems/{problemId}")
    @PreAuthorize(PlanRoles.READERS)
    @Operation(summary = "Read a problem with its causes, goals and measures")
    public ResponseEntity<Problem> getProblem(@PathVariable UUID planId, @PathVariable UUID problemId) {
        ActionPlan plan = plans.get(planId);
        return ok(plan, plan.problem(problemId).orElseThrow(() -> new PlanElementNotFoundException("problem", problemId)));
    }

    @PutMapping("/problems/{problemId}")
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Change a problem's title, place or description")
    public ResponseEntity<Problem> changeProblem(@PathVariable UUID planId, @PathVariable UUID problemId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch, @Valid @RequestBody ProblemContent content) {
        Changed<Problem> changed = plans.changeProblem(planId, ifMatch, problemId, content);
        return ok(changed.plan(), changed.result());
    }

    @DeleteMapping("/problems/{problemId}")
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Remove a problem with its causes, goals and measures")
    public ResponseEntity<PlanResponse> removeProblem(@PathVariable UUID planId, @PathVariable UUID problemId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return plan(plans.removeProblem(planId, ifMatch, problemId));
    }

    // --- causes

    @PostMapping("/problems/{problemId}/causes")
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Add a cause (orsak) to a problem")
    public ResponseEntity<Cause> addCause(@PathVariable UUID planId, @PathVariable UUID problemId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch, @Valid @RequestBody CauseContent content) {
        return created(planId, "causes", plans.addCause(planId, ifMatch, problemId, content), Cause::id);
    }

    @GetMapping("/causes/{causeId}")
    @PreAuthorize(PlanRoles.READERS)
    @Operation(summary = "Read a cause")
    public ResponseEntity<Cause> getCause(@PathVariable UUID planId, @PathVariable UUID causeId) {
        ActionPlan plan = plans.get(planId);
        return ok(plan, plan.cause(causeId).orElseThrow(() -> new PlanElementNotFoundException("cause", causeId)));
    }

    @PutMapping("/causes/{causeId}")
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Change a cause's text")
    public ResponseEntity<Cause> changeCause(@PathVariable UUID planId, @PathVariable UUID causeId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch, @Valid @RequestBody CauseContent content) {
        Changed<Cause> changed = plans.changeCause(planId, ifMatch, causeId, content);
        return ok(changed.plan(), changed.result());
    }

    @DeleteMapping("/causes/{causeId}")
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Remove a cause; measures that addressed it are unlinked")
    public ResponseEntity<PlanResponse> removeCause(@PathVariable UUID planId, @PathVariable UUID causeId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return plan(plans.removeCause(planId, ifMatch, causeId));
    }

    // --- operational goals

    @PostMapping("/problems/{problemId}/goals")
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Add an operational goal (operativt mål), optionally SMART, to a problem")
    public ResponseEntity<OperationalGoal> addGoal(@PathVariable UUID planId, @PathVariable UUID problemId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch, @Valid @RequestBody GoalContent content) {
        return created(planId, "goals", plans.addGoal(planId, ifMatch, problemId, content), OperationalGoal::id);
    }

    @GetMapping("/goals/{goalId}")
    @PreAuthorize(PlanRoles.READERS)
    @Operation(summary = "Read an operational goal")
    public ResponseEntity<OperationalGoal> getGoal(@PathVariable UUID planId, @PathVariable UUID goalId) {
        ActionPlan plan = plans.get(planId);
        return ok(plan, plan.goal(goalId).orElseThrow(() -> new PlanElementNotFoundException("goal", goalId)));
    }

    @PutMapping("/goals/{goalId}")
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Change an operational goal")
    public ResponseEntity<OperationalGoal> changeGoal(@PathVariable UUID planId, @PathVariable UUID goalId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch, @Valid @RequestBody GoalContent content) {
        Changed<OperationalGoal> changed = plans.changeGoal(planId, ifMatch, goalId, content);
        return ok(changed.plan(), changed.result());
    }

    @DeleteMapping("/goals/{goalId}")
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Remove an operational goal; measures that served it are unlinked")
    public ResponseEntity<PlanResponse> removeGoal(@PathVariable UUID planId, @PathVariable UUID goalId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return plan(plans.removeGoal(planId, ifMatch, goalId));
    }

    // --- measures

    @PostMapping("/problems/{problemId}/measures")
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Add a measure (åtgärd) to a problem",
            description = "Link it to the problem's causes and goals by id; its responsible units must be in your unit directory.")
    public ResponseEntity<MeasureResponse> addMeasure(@PathVariable UUID planId, @PathVariable UUID problemId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch, @Valid @RequestBody MeasureContent content) {
        Changed<Measure> added = plans.addMeasure(planId, ifMatch, problemId, content);
        return ResponseEntity.created(URI.create("/api/v1/plans/" + planId + "/measures/" + added.result().id()))
                .eTag(ETags.of(added.plan().getVersion()))
                .body(views.measure(added.plan(), added.result()));
    }

    @GetMapping("/measures/{measureId}")
    @PreAuthorize(PlanRoles.READERS)
    @Operation(summary = "Read a measure with its responsible units by name")
    public ResponseEntity<MeasureResponse> getMeasure(@PathVariable UUID planId, @PathVariable UUID measureId) {
        ActionPlan plan = plans.get(planId);
        Measure measure = plan.measure(measureId).orElseThrow(() -> new PlanElementNotFoundException("measure", measureId));
        return ResponseEntity.ok().eTag(ETags.of(plan.getVersion())).body(views.measure(plan, measure));
    }

    @PutMapping("/measures/{measureId}")
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Change a measure: text, kind, schedule, responsible units, links, follow-up criteria, extra columns")
    public ResponseEntity<MeasureResponse> changeMeasure(@PathVariable UUID planId, @PathVariable UUID measureId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch, @Valid @RequestBody MeasureContent content) {
        Changed<Measure> changed = plans.changeMeasure(planId, ifMatch, measureId, content);
        return ResponseEntity.ok().eTag(ETags.of(changed.plan().getVersion()))
                .body(views.measure(changed.plan(), changed.result()));
    }

    @DeleteMapping("/measures/{measureId}")
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Remove a measure")
    public ResponseEntity<PlanResponse> removeMeasure(@PathVariable UUID planId, @PathVariable UUID measureId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return plan(plans.removeMeasure(planId, ifMatch, measureId));
    }

    private static <T> ResponseEntity<T> created(UUID planId, String collection, Changed<T> added, Function<T, UUID> id) {
        return ResponseEntity.created(URI.create("/api/v1/plans/" + planId + "/" + collection + "/" + id.apply(added.result())))
                .eTag(ETags.of(added.plan().getVersion()))
                .body(added.result());
    }

    private static <T> ResponseEntity<T> ok(ActionPlan plan, T element) {
        return ResponseEntity.ok().eTag(ETags.of(plan.getVersion())).body(element);
    }

    private ResponseEntity<PlanResponse> plan(ActionPlan plan) {
        return ResponseEntity.ok().eTag(ETags.of(plan.getVersion())).body(views.plan(plan));
    }
}
