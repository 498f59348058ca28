package se.trygghetsnav.est.week.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

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

import se.trygghetsnav.commons.security.Caller;
import se.trygghetsnav.commons.web.ETags;
import se.trygghetsnav.est.group.EstGroups;
import se.trygghetsnav.est.week.IsoWeek;
import se.trygghetsnav.est.week.WeekReport;
import se.trygghetsnav.est.week.WeekReports;
import se.trygghetsnav.est.week.web.WeekViews.WeekResponse;
import se.trygghetsnav.est.web.EstRoles;

@RestController
@RequestMapping("/api/v1/est-groups/{groupId}/weeks/{week}")
@Tag(name = "EST weeks", description = "A group's weekly lägesbild: status, review, closing")
public class WeekController {

    private final WeekReports weeks;
    private final EstGroups groups;

    public WeekController(WeekReports weeks, EstGroups groups) {
        this.weeks = weeks;
        this.groups = groups;
    }

    @GetMapping
    @PreAuthorize(EstRoles.MEMBERS)
    @Operation(summary = "Read a week: status, cut-off and meeting times, counts of entries",
            description = "A week nothing has happened in yet reads as open and empty (opened: false).")
    public ResponseEntity<WeekResponse> get(@PathVariable UUID groupId, @PathVariable IsoWeek week) {
        WeekReports.Week found = weeks.week(groupId, week);
        return ResponseEntity.ok().eTag(ETags.of(found.version())).body(WeekResponse.of(found));
    }

    @PostMapping("/reviews")
    @PreAuthorize(EstRoles.COORDINATOR)
    @Operation(summary = "Mark entries reviewed (the coordinator's)", description = "Allowed until the week is published.")
    public ResponseEntity<WeekResponse> review(Caller caller, @PathVariable UUID groupId, @PathVariable IsoWeek week,
            @Valid @RequestBody ReviewRequest request) {
        WeekReport report = weeks.review(caller, groupId, week, request.entryIds());
        return ResponseEntity.ok().eTag(ETags.of(report.getVersion())).body(WeekResponse.of(groups.get(groupId), report));
    }

    @PostMapping("/closure")
    @PreAuthorize(EstRoles.COORDINATOR)
    @Operation(summary = "Close the week for entries ahead of the meeting (the coordinator's)",
            description = "Members can no longer post or correct entries (409); review, decisions and follow-ups go on until publication.")
    public ResponseEntity<WeekResponse> close(Caller caller, @PathVariable UUID groupId, @PathVariable IsoWeek week,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        WeekReport report = weeks.close(caller, groupId, week, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(report.getVersion())).body(WeekResponse.of(groups.get(groupId), report));
    }

    public record ReviewRequest(@NotEmpty @Size(max = 5000) List<@NotNull UUID> entryIds) {
    }
}
