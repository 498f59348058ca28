package se.trygghetsnav.est.week.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
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

import se.trygghetsnav.commons.problem.ResourceNotFoundException;
import se.trygghetsnav.commons.security.Caller;
import se.trygghetsnav.commons.web.ETags;
import se.trygghetsnav.commons.web.PageResponse;
import se.trygghetsnav.commons.web.Paging;
import se.trygghetsnav.est.group.web.EstGroupController.PlaceRequest;
import se.trygghetsnav.est.week.Certainty;
import se.trygghetsnav.est.week.Entry;
import se.trygghetsnav.est.week.EntryTexts;
import se.trygghetsnav.est.week.IsoWeek;
import se.trygghetsnav.est.week.NewEntry;
import se.trygghetsnav.est.week.Seriousness;
import se.trygghetsnav.est.week.TimeBand;
import se.trygghetsnav.est.week.WeekReports;
import se.trygghetsnav.est.week.web.WeekViews.EntryResponse;
import se.trygghetsnav.est.web.EstRoles;

@RestController
@RequestMapping("/api/v1/est-groups/{groupId}/weeks/{week}/entries")
@Tag(name = "EST entries", description = "Incidents and observations the members post to a group's week")
public class EntryController {

    private final WeekReports weeks;
    private final EntryTexts texts;

    public EntryController(WeekReports weeks, EntryTexts texts) {
        this.weeks = weeks;
        this.texts = texts;
    }

    @PostMapping
    @PreAuthorize(EstRoles.MEMBERS)
    @Operation(summary = "Post one or several entries to a week in one submission",
            description = "Each entry names a category, a known place (placeId) or a new one with coordinates (newPlace), a day of "
                    + "the week and a time band, a description, the reporter's seriousness and certainty, and whether the police "
                    + "were told. Nothing is stored unless every entry is acceptable: a description with a personnummer or "
                    + "samordningsnummer is refused with 422 (personal-identity-number). Refused with 409 once the week is "
                    + "closed or published.")
    public ResponseEntity<PostedResponse> post(Caller caller, @PathVariable UUID groupId, @PathVariable IsoWeek week,
            @Valid @RequestBody PostEntriesRequest request) {
        WeekReports.Posted posted = weeks.post(caller, groupId, week, request.memberId(),
                request.entries().stream().map(EntryRequest::toNewEntry).toList());
        Map<UUID, String> descriptions = posted.descriptions();
        return ResponseEntity.created(URI.create("/api/v1/est-groups/" + groupId + "/weeks/" + week + "/entries"))
                .eTag(ETags.of(posted.version()))
                .body(new PostedResponse(groupId, week, posted.submissionId(), posted.version(), posted.entries().stream()
                        .map(entry -> EntryResponse.of(posted.group(), week, entry, descriptions)).toList()));
    }

    @GetMapping
    @PreAuthorize(EstRoles.MEMBERS)
    @Operation(summary = "List a week's entries with their descriptions, newest day first",
            description = "Filter by category, place or reporting organisation.")
    public PageResponse<EntryResponse> list(@PathVariable UUID groupId, @PathVariable IsoWeek week,
            @Valid @ParameterObject EntryFilter filter, @Valid @ParameterObject Paging paging) {
        WeekReports.Week found = weeks.week(groupId, week);
        Pageable pageable = paging.sortedBy(Sort.unsorted());
        List<Entry> matching = found.entries().stream().filter(filter::matches)
                .sorted(Comparator.comparing(Entry::date).reversed().thenComparing(Entry::timeBand, Comparator.reverseOrder())
                        .thenComparing(Entry::reportedAt))
                .toList();
        List<Entry> page = matching.stream().skip(pageable.getOffset()).limit(pageable.getPageSize()).toList();
        Map<UUID, String> descriptions = texts.descriptions(page);
        return PageResponse.of(new PageImpl<>(page, pageable, matching.size()),
                entry -> EntryResponse.of(found.group(), week, entry, descriptions));
    }

    @GetMapping("/{entryId}")
    @PreAuthorize(EstRoles.MEMBERS)
    @Operation(summary = "Read one entry with its description")
    public ResponseEntity<EntryResponse> get(@PathVariable UUID groupId, @PathVariable IsoWeek week, @PathVariable UUID entryId) {
        WeekReports.Week found = weeks.week(groupId, week);
        Entry entry = found.entries().stream().filter(candidate -> candidate.entryId().equals(entryId)).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("entry", entryId));
        return ResponseEntity.ok().eTag(ETags.of(found.version()))
                .body(EntryResponse.of(found.group(), week, entry, texts.descriptions(List.of(entry))));
    }

    @PutMapping("/{entryId}")
    @PreAuthorize(EstRoles.MEMBERS)
    @Operation(summary = "Correct an entry while its week is open",
            description = "Its own organisation may, and the group's coordinators. The ETag is the week's version; send it in "
                    + "If-Match to refuse the change (412) if the week changed since you read it.")
    public ResponseEntity<EntryResponse> change(Caller caller, @PathVariable UUID groupId, @PathVariable IsoWeek week,
            @PathVariable UUID entryId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody EntryRequest request) {
        WeekReports.ChangedEntry changed = weeks.changeEntry(caller, groupId, week, entryId, ifMatch, request.toNewEntry());
        return ResponseEntity.ok().eTag(ETags.of(changed.report().getVersion()))
                .body(EntryResponse.of(changed.group(), week, changed.entry(), texts.descriptions(List.of(changed.entry()))));
    }

    /**
     * @param memberId which member of the group reports, when the caller's organisation has several (e.g. two
     *        departments of the municipality); by default its first
     */
    public record PostEntriesRequest(@Nullable UUID memberId,
            @NotEmpty @Size(max = 50) List<@Valid @NotNull EntryRequest> entries) {
    }

    /**
     * @param placeId a known place of the group; or
     * @param newPlace a place not known yet, with coordinates (a known place of the same name is used instead)
     * @param date the day, within the week
     * @param description what happened, about places and events and never about named persons
     */
    public record EntryRequest(
            @NotBlank @Size(max = 60) String category,
            @Nullable UUID placeId,
            @Nullable @Valid PlaceRequest newPlace,
            @NotNull LocalDate date,
            @NotNull TimeBand timeBand,
            @NotBlank @Size(max = 2000) String description,
            @NotNull Seriousness seriousness,
            @NotNull Certainty certainty,
            @NotNull Boolean reportedToPolice) {

        NewEntry toNewEntry() {
            return new NewEntry(category.strip(), placeId, newPlace == null ? null : newPlace.toNewPlace(), date, timeBand,
                    description, seriousness, certainty, reportedToPolice);
        }
    }

    public record PostedResponse(UUID groupId, IsoWeek week, UUID submissionId, long version, List<EntryResponse> entries) {
    }

    /**
     * @param category only entries of this category (code)
     * @param placeId only entries at this place
     * @param organisationId only entries reported by this organisation
     */
    public record EntryFilter(@Nullable String category, @Nullable UUID placeId, @Nullable String organisationId) {

        boolean matches(Entry entry) {
            return Stream.of(category == null || category.equals(entry.category()),
                    placeId == null || placeId.equals(entry.placeId()),
                    organisationId == null || organisationId.equals(entry.reportingOrganisationId()))
                    .allMatch(Boolean::booleanValue);
        }
    }
}
