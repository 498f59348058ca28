package se.trygghetsnav.followup.round.web;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

import se.trygghetsnav.commons.security.Caller;
import se.trygghetsnav.commons.web.ETags;
import se.trygghetsnav.followup.overview.FollowupOverview;
import se.trygghetsnav.followup.planprojection.ProjectedPlan;
import se.trygghetsnav.followup.planprojection.UnitDirectory;
import se.trygghetsnav.followup.round.FollowupRound;
import se.trygghetsnav.followup.round.FollowupRounds;
import se.trygghetsnav.followup.round.MeasureInScope;
import se.trygghetsnav.followup.round.MeasureReport;
import se.trygghetsnav.followup.web.FollowupRoles;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Follow-up rounds", description = "Uppföljningsomgångar: year-end and tertial follow-up of a plan's measures")
public class RoundController {

    private final FollowupRounds rounds;
    private final FollowupOverview overview;
    private final UnitDirectory units;

    public RoundController(FollowupRounds rounds, FollowupOverview overview, UnitDirectory units) {
        this.rounds = rounds;
        this.overview = overview;
        this.units = units;
    }

    @PostMapping("/plans/{planId}/rounds")
    @PreAuthorize(FollowupRoles.COORDINATOR)
    @Operation(summary = "Open a follow-up round for an adopted plan",
            description = "Every measure of the plan is in scope, as it is now; measures added later are not pulled in. "
                    + "YEAR_END and TERTIAL_1..3 take their period from year (or an explicit period); CUSTOM needs a name "
                    + "and a period. The same round cannot be opened twice (409).")
    public ResponseEntity<RoundViews.RoundView> open(@PathVariable UUID planId, Caller caller,
            @Valid @RequestBody RoundRequests.OpenRound request) {
        ProjectedPlan plan = overview.plan(planId);
        FollowupRound round = rounds.open(plan, request.kind(), request.effectiveName(), request.start(), request.end(),
                request.dueDate());
        return ResponseEntity.created(URI.create("/api/v1/rounds/" + round.getId()))
                .eTag(ETags.of(round.getVersion()))
                .body(view(round, caller));
    }

    @GetMapping("/plans/{planId}/rounds")
    @PreAuthorize(FollowupRoles.READERS)
    @Operation(summary = "The follow-up rounds of a plan revision, oldest period first")
    public List<RoundViews.RoundSummary> ofPlan(@PathVariable UUID planId) {
        return rounds.ofPlan(overview.plan(planId)).stream().map(RoundViews.RoundSummary::of).toList();
    }

    @GetMapping("/rounds/{roundId}")
    @PreAuthorize(FollowupRoles.READERS)
    @Operation(summary = "A round with its measures and where each one's report stands",
            description = "A unit user sees the measures their unit is responsible for.")
    public ResponseEntity<RoundViews.RoundView> get(@PathVariable UUID roundId, Caller caller) {
        FollowupRound round = rounds.get(roundId);
        return ResponseEntity.ok().eTag(ETags.of(round.getVersion())).body(view(round, caller));
    }

    @PostMapping("/rounds/{roundId}/closure")
    @PreAuthorize(FollowupRoles.COORDINATOR)
    @Operation(summary = "Close a round: its reports are final")
    public ResponseEntity<RoundViews.RoundView> close(@PathVariable UUID roundId, Caller caller,
            @Parameter(description = "The round's ETag as read") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        FollowupRound round = rounds.close(roundId, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(round.getVersion())).body(view(round, caller));
    }

    @GetMapping("/rounds/{roundId}/completeness")
    @PreAuthorize(FollowupRoles.READERS)
    @Operation(summary = "How complete the round's reporting is, per responsible unit, with the missing measures",
            description = "A unit user sees their own unit.")
    public RoundViews.Completeness completeness(@PathVariable UUID roundId, Caller caller) {
        FollowupRound round = rounds.get(roundId);
        Set<UUID> ownUnits = rounds.callersUnits(caller, unitIds(round));
        Predicate<UUID> visibleUnit = FollowupRounds.seesWholeOrganisation(caller) ? unit -> true : ownUnits::contains;
        return RoundViews.Completeness.of(round, units.units(unitIds(round)), visibleUnit);
    }

    @PutMapping("/rounds/{roundId}/reports/{measureId}")
    @PreAuthorize(FollowupRoles.REPORTERS)
    @Operation(summary = "Report on a measure, or correct its report while the round is open",
            description = "A unit user reports on the measures their unit is responsible for (403 otherwise); the "
                    + "coordinator on any. 201 for the first report, 200 for a correction; the ETag is the report's "
                    + "revision: send it as If-Match to refuse the write (412) if someone corrected it since you read it. "
                    + "A narrative or text answer holding a personnummer or samordningsnummer is refused (422).")
    public ResponseEntity<RoundViews.ReportView> report(@PathVariable UUID roundId, @PathVariable UUID measureId,
            Caller caller,
            @Parameter(description = "The report's ETag as read") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody RoundRequests.Report request) {
        FollowupRounds.StoredReport stored = rounds.report(roundId, measureId, caller, ifMatch, content(roundId, measureId,
                request));
        return ResponseEntity.status(stored.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .eTag(ETags.of(stored.report().revision()))
                .body(RoundViews.ReportView.of(roundId, stored.measure(), stored.report()));
    }

    @GetMapping("/rounds/{roundId}/reports/{measureId}")
    @PreAuthorize(FollowupRoles.READERS)
    @Operation(summary = "The current report on a measure in a round")
    public ResponseEntity<RoundViews.ReportView> currentReport(@PathVariable UUID roundId, @PathVariable UUID measureId,
            Caller caller) {
        FollowupRounds.StoredReport stored = rounds.currentReport(roundId, measureId, caller);
        return ResponseEntity.ok().eTag(ETags.of(stored.report().revision()))
                .body(RoundViews.ReportView.of(roundId, stored.measure(), stored.report()));
    }

    @GetMapping("/rounds/{roundId}/reports/{measureId}/history")
    @PreAuthorize(FollowupRoles.READERS)
    @Operation(summary = "Every revision of a measure's report in a round, oldest first")
    public List<RoundViews.ReportView> reportHistory(@PathVariable UUID roundId, @PathVariable UUID measureId,
            Caller caller) {
        MeasureInScope measure = rounds.get(roundId).measureInScope(measureId).orElse(null);
        return rounds.reportHistory(roundId, measureId, caller).stream()
                .map(report -> RoundViews.ReportView.of(roundId, measure, report)).toList();
    }

    private FollowupRound.ReportContent content(UUID roundId, UUID measureId, RoundRequests.Report request) {
        List<String> criteria = rounds.get(roundId).measureInScope(measureId).map(MeasureInScope::followUpCriteria)
                .orElse(List.of());
        return new FollowupRound.ReportContent(request.status(), blankToNull(request.narrative()),
                request.answerList().stream().map(answer -> new MeasureReport.Answer(answer.criterionIndex(),
                        answer.criterionIndex() < criteria.size() ? criteria.get(answer.criterionIndex()) : "",
                        answer.number(), blankToNull(answer.text()))).toList(),
                request.occurrencesHeld());
    }

    private RoundViews.RoundView view(FollowupRound round, Caller caller) {
        Set<UUID> ownUnits = rounds.callersUnits(caller, unitIds(round));
        Predicate<MeasureInScope> visible = FollowupRounds.seesWholeOrganisation(caller) ? measure -> true
                : measure -> measure.responsibleUnitIds().stream().anyMatch(ownUnits::contains);
        return RoundViews.RoundView.of(round, units.units(unitIds(round)), visible);
    }

    private static Set<UUID> unitIds(FollowupRound round) {
        return round.getScope().stream().flatMap(measure -> measure.responsibleUnitIds().stream()).collect(Collectors.toSet());
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
