package se.trygghetsnav.followup.overview;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.followup.planprojection.ProjectedPlan;

/** A plan revision with its tree and every measure's follow-up state. */
public record PlanFollowup(UUID planId, UUID seriesId, int revision, ProjectedPlan.PlanStatus status,
        @Nullable String title, ProjectedPlan.@Nullable Period period, ProjectedPlan.@Nullable Adoption adoption,
        List<FocusAreaView> focusAreas, List<MeasureView> measures) {

    public record FocusAreaView(UUID focusAreaId, String name, @Nullable String rationale,
            List<ProjectedPlan.Indicator> indicators, List<ProblemView> problems) {
    }

    public record ProblemView(UUID problemId, String title, @Nullable String placeName, @Nullable String description,
            List<CauseView> causes, List<GoalView> goals, List<UUID> measureIds) {
    }

    public record CauseView(UUID causeId, String text) {
    }

    public record GoalView(UUID goalId, String text, @Nullable String indicator, @Nullable String baseline,
            @Nullable String targetValue, @Nullable LocalDate targetDate) {
    }
}
