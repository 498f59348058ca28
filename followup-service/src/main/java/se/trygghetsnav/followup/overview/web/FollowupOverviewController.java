package se.trygghetsnav.followup.overview.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.trygghetsnav.followup.overview.FollowupOverview;
import se.trygghetsnav.followup.overview.MeasureFollowup;
import se.trygghetsnav.followup.overview.PlanFollowup;
import se.trygghetsnav.followup.web.FollowupRoles;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Follow-up overview", description = "Plans and measures with where their uppföljning stands")
public class FollowupOverviewController {

    private final FollowupOverview overview;

    public FollowupOverviewController(FollowupOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/plans/{planId}/followup")
    @PreAuthorize(FollowupRoles.READERS)
    @Operation(summary = "A plan revision with its tree and every measure's follow-up state",
            description = "Built from plan-service's events: it shows what followup-service has received so far.")
    public PlanFollowup plan(@PathVariable UUID planId) {
        return overview.planFollowup(planId);
    }

    @GetMapping("/measures/{measureId}/followup")
    @PreAuthorize(FollowupRoles.READERS)
    @Operation(summary = "A measure of an adopted plan with its follow-up state and its reports in every round",
            description = "Measures are followed up once their plan is adopted; a measure only in drafts is not found.")
    public MeasureFollowup measure(@PathVariable UUID measureId) {
        return overview.measureFollowup(measureId);
    }
}
