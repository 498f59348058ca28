package se.trygghetsnav.followup.indicator.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.trygghetsnav.commons.security.Caller;
import se.trygghetsnav.followup.indicator.IndicatorComparison;
import se.trygghetsnav.followup.indicator.Indicators;
import se.trygghetsnav.followup.overview.FollowupOverview;
import se.trygghetsnav.followup.planprojection.ProjectedPlan;
import se.trygghetsnav.followup.web.FollowupRoles;

@RestController
@RequestMapping("/api/v1/plans/{planId}")
@Tag(name = "Indicators", description = "Indikatorer: values over time compared with the goals' baselines and targets")
public class IndicatorController {

    private final Indicators indicators;
    private final FollowupOverview overview;

    public IndicatorController(Indicators indicators, FollowupOverview overview) {
        this.indicators = indicators;
        this.overview = overview;
    }

    @PostMapping("/indicator-values")
    @PreAuthorize(FollowupRoles.COORDINATOR)
    @Operation(summary = "Record a value of an operational goal's indicator or of a focus area's indicator",
            description = "Name either goalId, or focusAreaId with indicatorIndex (the indicator's position in the focus "
                    + "area, from 0). The value is for a date or for a period, from a source such as Stockholmsenkäten, "
                    + "NTU or Polisens trygghetsmätning. Answers with the indicator as compared now.")
    public ResponseEntity<IndicatorComparison> record(@PathVariable UUID planId, Caller caller,
            @Valid @RequestBody RecordValue request) {
        ProjectedPlan plan = overview.plan(planId);
        IndicatorComparison recorded = indicators.record(plan,
                new Indicators.Target(request.goalId(), request.focusAreaId(), request.indicatorIndex()),
                new Indicators.Value(request.value(), request.unit(), request.date(), request.periodStart(),
                        request.periodEnd(), request.source(), request.note()), caller);
        return ResponseEntity.created(URI.create("/api/v1/plans/" + planId + "/indicators")).body(recorded);
    }

    @GetMapping("/indicators")
    @PreAuthorize(FollowupRoles.READERS)
    @Operation(summary = "The plan's indicators with their values over time, compared with baselines and targets",
            description = "Every focus-area indicator and every operational goal, in the plan's order. A goal is compared "
                    + "with the figures in its SMART baseline and target (\"78 % (2022)\" is 78); a focus-area indicator, "
                    + "which has neither, with its first recorded value.")
    public List<IndicatorComparison> indicators(@PathVariable UUID planId) {
        return indicators.compare(overview.plan(planId));
    }

    /**
     * A value to record: for a goal ({@code goalId}) or a focus-area indicator ({@code focusAreaId} and
     * {@code indicatorIndex}); on a {@code date} or for a period ({@code periodStart} to {@code periodEnd}).
     */
    record RecordValue(@Nullable UUID goalId, @Nullable UUID focusAreaId, @Nullable @Min(0) Integer indicatorIndex,
            @NotNull @DecimalMin("-1000000000000") @DecimalMax("1000000000000") BigDecimal value,
            @Nullable @Size(max = 30) String unit, @Nullable LocalDate date, @Nullable LocalDate periodStart,
            @Nullable LocalDate periodEnd, @NotBlank @Size(max = 200) String source, @Nullable @Size(max = 2000) String note) {

        @AssertTrue(message = "{followup.indicator.target}")
        @Schema(hidden = true)
        boolean isOneTarget() {
            return goalId != null ? focusAreaId == null && indicatorIndex == null : focusAreaId != null && indicatorIndex != null;
        }

        @AssertTrue(message = "{followup.indicator.when}")
        @Schema(hidden = true)
        boolean isDateOrPeriod() {
            boolean period = periodStart != null && periodEnd != null && !periodEnd.isBefore(periodStart);
            return date != null ? periodStart == null && periodEnd == null : period;
        }
    }
}
