package se.trygghetsnav.plan.actionplan.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

import se.trygghetsnav.commons.security.Caller;
import se.trygghetsnav.commons.web.ETags;
import se.trygghetsnav.commons.web.PageResponse;
import se.trygghetsnav.commons.web.Paging;
import se.trygghetsnav.plan.actionplan.ActionPlan;
import se.trygghetsnav.plan.actionplan.ActionPlans;
import se.trygghetsnav.plan.actionplan.AdoptionDecision;
import se.trygghetsnav.plan.actionplan.ArchiveReason;
import se.trygghetsnav.plan.actionplan.PlanHeader;
import se.trygghetsnav.plan.actionplan.PlanPeriod;
import se.trygghetsnav.plan.actionplan.PlanStatus;
import se.trygghetsnav.plan.actionplan.PlanSummary;
import se.trygghetsnav.plan.actionplan.Readiness;
import se.trygghetsnav.plan.actionplan.ReadinessViolation;
import se.trygghetsnav.plan.actionplan.web.PlanViews.PlanListItem;
import se.trygghetsnav.plan.actionplan.web.PlanViews.PlanResponse;
import se.trygghetsnav.plan.web.PlanRoles;

/** Plans as a whole: their own text, their lifecycle, readiness and summary. */
@RestController
@RequestMapping("/api/v1/plans")
@Tag(name = "Action plans", description = "Åtgärdsplaner: drafting, adoption, revisions, readiness and summary")
public class ActionPlanController {

    private final ActionPlans plans;
    private final PlanViews views;
    private final RenderedPlans rendered;
    private final Clock clock;

    public ActionPlanController(ActionPlans plans, PlanViews views, RenderedPlans rendered, Clock clock) {
        this.plans = plans;
        this.views = views;
        this.rendered = rendered;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Start a plan of the caller's organisation as a draft")
    public ResponseEntity<PlanResponse> start(Caller caller, @Valid @RequestBody PlanHeader header) {
        return created(plans.start(caller.organisationId(), withDefaults(header)));
    }

    @GetMapping
    @PreAuthorize(PlanRoles.READERS)
    @Operation(summary = "List the caller's organisation's plans, newest first",
            description = "Without status, the plans in play (drafts and adopted). year keeps the plans whose period covers it.")
    public PageResponse<PlanListItem> list(@Valid @ParameterObject PlanFilter filter, @Valid @ParameterObject Paging paging) {
        return PageResponse.of(plans.list(filter.status() == null ? List.of() : filter.status(), filter.year(),
                paging.sortedBy(Sort.by(Sort.Direction.DESC, "createdAt"))), PlanListItem::of);
    }

    @GetMapping("/{planId}")
    @PreAuthorize(PlanRoles.READERS)
    @Operation(summary = "Read a whole plan revision: focus areas, problems, causes, goals and measures")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = PlanResponse.class)))
    public ResponseEntity<byte[]> get(@PathVariable UUID planId,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) @Nullable String acceptEncoding) {
        RenderedPlans.Rendered plan = rendered.get(planId);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().eTag(ETags.of(plan.version()))
                .contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        return acceptsGzip(acceptEncoding)
                ? answer.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(plan.gzippedJson())
                : answer.body(plan.json());
    }

    /** Whether the Accept-Encoding header lists gzip (or *) without refusing it with q=0. */
    static boolean acceptsGzip(@Nullable String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            boolean refused = parts.length > 1 && parts[1].trim().replace(" ", "").matches("q=0(\\.0*)?");
            if ((name.equals("gzip") || name.equals("*")) && !refused) {
                return true;
            }
        }
        return false;
    }

    @PutMapping("/{planId}")
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Change a draft plan's own text: title, period, legal basis, introduction, partners, coordinator, columns")
    public ResponseEntity<PlanResponse> update(@PathVariable UUID planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody PlanHeader header) {
        return ok(plans.updateHeader(planId, ifMatch, withDefaults(header)));
    }

    @DeleteMapping("/{planId}")
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Discard a draft", description = "The draft is archived as discarded and stays readable; adopted plans are withdrawn instead.")
    public ResponseEntity<PlanResponse> discard(@PathVariable UUID planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return ok(plans.archive(planId, ifMatch, ArchiveReason.DISCARDED));
    }

    @PostMapping("/{planId}/withdrawal")
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Withdraw a plan (draft or adopted); it stays readable")
    public ResponseEntity<PlanResponse> withdraw(@PathVariable UUID planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return ok(plans.archive(planId, ifMatch, ArchiveReason.WITHDRAWN));
    }

    @GetMapping("/{planId}/readiness")
    @PreAuthorize(PlanRoles.READERS)
    @Operation(summary = "Check whether the plan may be adopted",
            description = "Lists every problem without a cause, measure without cause, responsible unit or schedule, and goal no measure serves, with its path in the tree.")
    public ReadinessResponse readiness(@PathVariable UUID planId) {
        List<ReadinessViolation> violations = Readiness.of(plans.get(planId));
        return new ReadinessResponse(violations.isEmpty(), violations);
    }

    @PostMapping("/{planId}/adoption")
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Adopt a draft with the board's decision",
            description = "Refused (409, with the violations) while the readiness check finds any. The adopted revision becomes immutable and supersedes the series' earlier adopted revision.")
    public ResponseEntity<PlanResponse> adopt(@PathVariable UUID planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody AdoptionDecision decision) {
        return ok(plans.adopt(planId, ifMatch, decision));
    }

    @PostMapping("/{planId}/revisions")
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Draft the next revision of an adopted plan",
            description = "A new draft in the same series with the same content and element ids; one draft per series at a time.")
    public ResponseEntity<PlanResponse> draftRevision(@PathVariable UUID planId) {
        return created(plans.draftRevision(planId));
    }

    @GetMapping("/{planId}/revisions")
    @PreAuthorize(PlanRoles.READERS)
    @Operation(summary = "Every revision of the plan's series, oldest first")
    public List<PlanListItem> revisions(@PathVariable UUID planId) {
        return plans.revisions(planId).stream().map(PlanListItem::of).toList();
    }

    @PostMapping("/{planId}/copies")
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Copy the plan to a next period", description = "Starts a new draft plan with the same content; without a period, the next one of the same length.")
    public ResponseEntity<PlanResponse> copy(@PathVariable UUID planId, @Valid @RequestBody(required = false) @Nullable CopyRequest request) {
        PlanPeriod period = request == null || request.period() == null ? plans.get(planId).getHeader().period().next()
                : request.period();
        return created(plans.copyForPeriod(planId, period));
    }

    @GetMapping("/{planId}/summary")
    @PreAuthorize(PlanRoles.READERS)
    @Operation(summary = "The plan in figures",
            description = "Per focus area the number of problems, causes, goals and measures; per responsible unit its measures by kind and by due window (from today, Europe/Stockholm).")
    public PlanSummary summary(@PathVariable UUID planId) {
        return PlanSummary.of(plans.get(planId), LocalDate.now(clock));
    }

    private ResponseEntity<PlanResponse> ok(ActionPlan plan) {
        return ResponseEntity.ok().eTag(ETags.of(plan.getVersion())).body(views.plan(plan));
    }

    private ResponseEntity<PlanResponse> created(ActionPlan plan) {
        return ResponseEntity.created(URI.create("/api/v1/plans/" + plan.getId()))
                .eTag(ETags.of(plan.getVersion()))
                .body(views.plan(plan));
    }

    private static PlanHeader withDefaults(PlanHeader header) {
        return new PlanHeader(header.title().strip(), header.period(),
                header.legalBasis() == null ? PlanHeader.DEFAULT_LEGAL_BASIS : header.legalBasis(), header.introduction(),
                header.partnerOrganisations(), header.coordinator(), header.columns());
    }

    public record ReadinessResponse(boolean ready, List<ReadinessViolation> violations) {
    }

    /**
     * @param status the statuses to list; absent lists drafts and adopted plans
     * @param year only plans whose period covers this year
     */
    public record PlanFilter(@Nullable List<PlanStatus> status, @Nullable @Min(2000) @Max(2100) Integer year) {
    }

    public record CopyRequest(@Nullable @Valid PlanPeriod period) {
    }
}
