package se.trygghetsnav.est.week.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.trygghetsnav.commons.problem.ApiProblem;
import se.trygghetsnav.commons.security.Caller;
import se.trygghetsnav.commons.web.ETags;
import se.trygghetsnav.est.group.EstGroup;
import se.trygghetsnav.est.group.EstGroups;
import se.trygghetsnav.est.week.EffortKind;
import se.trygghetsnav.est.week.FollowUpOutcome;
import se.trygghetsnav.est.week.IsoWeek;
import se.trygghetsnav.est.week.Meetings;
import se.trygghetsnav.est.week.PublishedSummary;
import se.trygghetsnav.est.week.TimeBand;
import se.trygghetsnav.est.week.WeekReport;
import se.trygghetsnav.est.week.WeekReports;
import se.trygghetsnav.est.week.WeekStatus;
import se.trygghetsnav.est.week.web.WeekViews.DecisionView;
import se.trygghetsnav.est.week.web.WeekViews.FollowUpView;
import se.trygghetsnav.est.week.web.WeekViews.WeekResponse;
import se.trygghetsnav.est.web.EstRoles;

@RestController
@RequestMapping("/api/v1/est-groups/{groupId}/weeks/{week}")
@Tag(name = "EST meeting", description = "Decided efforts, their follow-up, publication and the public summary")
public class MeetingController {

    private final Meetings meetings;
    private final WeekReports weeks;
    private final EstGroups groups;

    public MeetingController(Meetings meetings, WeekReports weeks, EstGroups groups) {
        this.meetings = meetings;
        this.weeks = weeks;
        this.groups = groups;
    }

    @PostMapping("/decisions")
    @PreAuthorize(EstRoles.COORDINATOR)
    @Operation(summary = "Record an effort the meeting about this week decided",
            description = "What, where (a place or an area), when, the responsible member organisation, and optionally the "
                    + "åtgärdsplan measure it serves (measureId of a measure in the caller's organisation's plans). "
                    + "Refused with 409 once the week is published.")
    public ResponseEntity<DecisionView> decide(Caller caller, @PathVariable UUID groupId, @PathVariable IsoWeek week,
            @Valid @RequestBody DecisionRequest request) {
        Meetings.Decided decided = meetings.decide(caller, groupId, week, request.toNewDecision());
        return ResponseEntity.created(URI.create("/api/v1/est-groups/" + groupId + "/weeks/" + week))
                .eTag(ETags.of(decided.report().getVersion()))
                .body(DecisionView.of(decided.group(), decided.decision()));
    }

    @GetMapping("/follow-ups")
    @PreAuthorize(EstRoles.MEMBERS)
    @Operation(summary = "What this week's meeting follows up",
            description = "The decisions of the previous " + Meetings.FOLLOW_UP_WEEKS + " weeks not yet followed up (pending), "
                    + "and the follow-ups recorded in this week.")
    public FollowUpsResponse followUps(@PathVariable UUID groupId, @PathVariable IsoWeek week) {
        EstGroup group = groups.get(groupId);
        Meetings.FollowUps followUps = meetings.followUps(groupId, week);
        return new FollowUpsResponse(
                followUps.pending().stream().map(earlier -> new PendingDecision(earlier.week(),
                        DecisionView.of(group, earlier.decision()))).toList(),
                followUps.recorded().stream().map(followUp -> FollowUpView.of(group, followUp)).toList());
    }

    @PutMapping("/follow-ups/{decisionId}")
    @PreAuthorize(EstRoles.COORDINATOR)
    @Operation(summary = "Record how a decision of an earlier week went (done, partly done, not done)",
            description = "Recorded in this week, the meeting's week; recording again replaces the outcome. The decision must be "
                    + "from one of the previous " + Meetings.FOLLOW_UP_WEEKS + " weeks. The note is one short line.")
    public ResponseEntity<FollowUpView> followUp(Caller caller, @PathVariable UUID groupId, @PathVariable IsoWeek week,
            @PathVariable UUID decisionId, @Valid @RequestBody FollowUpRequest request) {
        Meetings.FollowedUp recorded = meetings.followUp(caller, groupId, week, decisionId, request.outcome(), request.note());
        return ResponseEntity.ok().eTag(ETags.of(recorded.report().getVersion()))
                .body(FollowUpView.of(recorded.group(), recorded.followUp()));
    }

    @PostMapping("/publication")
    @PreAuthorize(EstRoles.COORDINATOR)
    @Operation(summary = "Publish the week after the meeting",
            description = "Freezes the week: entries, reviews, decisions and follow-ups recorded in it can no longer change (409). "
                    + "Its public summary (counts per category and area) becomes readable.")
    public ResponseEntity<WeekResponse> publish(Caller caller, @PathVariable UUID groupId, @PathVariable IsoWeek week,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        WeekReport published = meetings.publish(caller, groupId, week, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(published.getVersion()))
                .body(WeekResponse.of(groups.get(groupId), published));
    }

    @GetMapping("/public-summary")
    @PreAuthorize(EstRoles.ANY_ROLE)
    @Operation(summary = "The public summary of a published week",
            description = "Counts per category and per area only: no descriptions, no places, no days or times. 404 until the week "
                    + "is published.")
    public PublicSummaryResponse publicSummary(@PathVariable UUID groupId, @PathVariable IsoWeek week) {
        WeekReports.Week found = weeks.week(groupId, week);
        PublishedSummary summary = found.report().map(WeekReport::getPublishedSummary).orElse(null);
        if (found.status() != WeekStatus.PUBLISHED || summary == null) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "problem.not-found.detail.public-summary",
                    java.util.Map.of(), week.toString());
        }
        return new PublicSummaryResponse(found.group().getName(), found.group().getOrganisationId(), week,
                found.report().get().getPublishedAt().atZone(se.trygghetsnav.est.group.MeetingSchedule.STOCKHOLM).toLocalDate(),
                summary.entryCount(), summary.byCategory(), summary.byArea());
    }

    /**
     * @param placeId where, as a known place of the group; or {@code area}
     * @param responsibleMemberId the group member responsible for carrying it out
     * @param measureId the åtgärdsplan measure it serves, if any
     */
    public record DecisionRequest(
            @NotNull EffortKind kind,
            @NotBlank @Size(max = 500) String what,
            @Nullable UUID placeId,
            @Nullable @Size(max = 100) String area,
            @NotNull LocalDate startDate,
            @Nullable LocalDate endDate,
            @Nullable TimeBand timeBand,
            @NotNull UUID responsibleMemberId,
            @Nullable UUID measureId) {

        Meetings.NewDecision toNewDecision() {
            return new Meetings.NewDecision(kind, what, placeId, area, startDate, endDate, timeBand, responsibleMemberId, measureId);
        }
    }

    /** @param note one short line; no personal identity numbers */
    public record FollowUpRequest(@NotNull FollowUpOutcome outcome, @Nullable @Size(max = 200) String note) {
    }

    public record PendingDecision(IsoWeek decidedInWeek, DecisionView decision) {
    }

    public record FollowUpsResponse(List<PendingDecision> pending, List<FollowUpView> recorded) {
    }

    /**
     * @param municipalityId the organisation id of the municipality that runs the group
     * @param publishedOn the day the week was published
     */
    public record PublicSummaryResponse(String groupName, String municipalityId, IsoWeek week, LocalDate publishedOn,
            int entryCount, List<PublishedSummary.CategoryCount> byCategory, List<PublishedSummary.AreaCount> byArea) {
    }
}
