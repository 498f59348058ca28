package se.trygghetsnav.est.group.web;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.data.domain.Sort;
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
import se.trygghetsnav.commons.web.PageResponse;
import se.trygghetsnav.commons.web.Paging;
import se.trygghetsnav.est.group.Category;
import se.trygghetsnav.est.group.EstGroup;
import se.trygghetsnav.est.group.EstGroups;
import se.trygghetsnav.est.group.MeetingSchedule;
import se.trygghetsnav.est.group.Member;
import se.trygghetsnav.est.group.MemberKind;
import se.trygghetsnav.est.group.Place;
import se.trygghetsnav.est.group.PlaceType;
import se.trygghetsnav.est.web.EstRoles;

@RestController
@RequestMapping("/api/v1/est-groups")
@Tag(name = "EST groups", description = "EST groups: member organisations, known places, categories and the weekly rhythm")
public class EstGroupController {

    private final EstGroups groups;

    public EstGroupController(EstGroups groups) {
        this.groups = groups;
    }

    @PostMapping
    @PreAuthorize(EstRoles.COORDINATOR)
    @Operation(summary = "Set up an EST group run by the caller's organisation",
            description = "The group starts with the default categories (plus extraCategories) and the places given. "
                    + "Every member with an organisationId, and the caller's organisation, can then read and write its lägesbild.")
    public ResponseEntity<GroupResponse> register(Caller caller, @Valid @RequestBody RegisterGroupRequest request) {
        EstGroup group = groups.register(caller, request.settings(),
                request.places() == null ? List.of() : request.places().stream().map(PlaceRequest::toNewPlace).toList(),
                request.extraCategories() == null ? List.of() : request.extraCategories());
        return ResponseEntity.created(URI.create("/api/v1/est-groups/" + group.getId()))
                .eTag(ETags.of(group.getVersion())).body(GroupResponse.of(group));
    }

    @GetMapping
    @PreAuthorize(EstRoles.MEMBERS)
    @Operation(summary = "List the groups the caller's organisation is a member of, by name")
    public PageResponse<GroupResponse> list(@Valid @ParameterObject Paging paging) {
        return PageResponse.of(groups.list(paging.sortedBy(Sort.by("name"))), GroupResponse::of);
    }

    @GetMapping("/{groupId}")
    @PreAuthorize(EstRoles.MEMBERS)
    @Operation(summary = "Read a group's set-up")
    public ResponseEntity<GroupResponse> get(@PathVariable UUID groupId) {
        EstGroup group = groups.get(groupId);
        return ResponseEntity.ok().eTag(ETags.of(group.getVersion())).body(GroupResponse.of(group));
    }

    @PutMapping("/{groupId}")
    @PreAuthorize(EstRoles.COORDINATOR)
    @Operation(summary = "Change a group's name, members, schedule or hot spot cell size",
            description = "Members sent without memberId are new; members left out leave the group, and their organisation "
                    + "loses access to the group's lägesbild. Send the ETag in If-Match to refuse the change (412) if "
                    + "someone changed the group since you read it.")
    public ResponseEntity<GroupResponse> change(Caller caller, @PathVariable UUID groupId,
            @Parameter(description = "The group's ETag as read") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody GroupSettingsRequest request) {
        EstGroup group = groups.change(groupId, ifMatch, caller, request.settings());
        return ResponseEntity.ok().eTag(ETags.of(group.getVersion())).body(GroupResponse.of(group));
    }

    @PostMapping("/{groupId}/places")
    @PreAuthorize(EstRoles.COORDINATOR)
    @Operation(summary = "Add a known place (name unique in the group, coordinates in WGS 84)")
    public ResponseEntity<Place> addPlace(Caller caller, @PathVariable UUID groupId, @Valid @RequestBody PlaceRequest request) {
        Place place = groups.addPlace(groupId, caller, request.toNewPlace());
        return ResponseEntity.created(URI.create("/api/v1/est-groups/" + groupId + "/places/" + place.placeId())).body(place);
    }

    @PutMapping("/{groupId}/places/{placeId}")
    @PreAuthorize(EstRoles.COORDINATOR)
    @Operation(summary = "Rename, move or retype a place; its entries stay with it")
    public Place changePlace(Caller caller, @PathVariable UUID groupId, @PathVariable UUID placeId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody PlaceRequest request) {
        return groups.changePlace(groupId, placeId, ifMatch, caller, request.toNewPlace());
    }

    @PostMapping("/{groupId}/categories")
    @PreAuthorize(EstRoles.COORDINATOR)
    @Operation(summary = "Add a category of the group's own after the default ones",
            description = "Its code is made from the label (lower case, Swedish letters folded, words joined by hyphens).")
    public ResponseEntity<Category> addCategory(Caller caller, @PathVariable UUID groupId,
            @Valid @RequestBody CategoryRequest request) {
        Category category = groups.addCategory(groupId, caller, request.label());
        return ResponseEntity.status(HttpStatus.CREATED).body(category);
    }

    public record RegisterGroupRequest(
            @NotBlank @Size(max = 200) String name,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull MemberRequest> members,
            @Nullable @Valid ScheduleRequest schedule,
            @Nullable @Min(50) @Max(5000) Integer hotSpotCellMeters,
            @Nullable @Size(max = 1000) List<@Valid @NotNull PlaceRequest> places,
            @Nullable @Size(max = 50) List<@NotBlank @Size(max = 100) String> extraCategories) {

        EstGroup.Settings settings() {
            return new GroupSettingsRequest(name, members, schedule, hotSpotCellMeters).settings();
        }
    }

    public record GroupSettingsRequest(
            @NotBlank @Size(max = 200) String name,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull MemberRequest> members,
            @Nullable @Valid ScheduleRequest schedule,
            @Nullable @Min(50) @Max(5000) Integer hotSpotCellMeters) {

        EstGroup.Settings settings() {
            MeetingSchedule meetings = schedule == null ? MeetingSchedule.DEFAULT : schedule.toSchedule();
            if (!meetings.cutOffBeforeMeeting()) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "cut-off-after-meeting");
            }
            return new EstGroup.Settings(name.strip(), members.stream().map(MemberRequest::toNewMember).toList(), meetings,
                    hotSpotCellMeters == null ? EstGroup.DEFAULT_HOT_SPOT_CELL_METERS : hotSpotCellMeters);
        }
    }

    /**
     * @param memberId the member's id when changing an existing member; absent for a new one
     * @param organisationId the organisation's id in Trygghetsnav, when its people sign in here
     */
    public record MemberRequest(
            @Nullable UUID memberId,
            @NotBlank @Size(max = 200) String name,
            @NotNull MemberKind kind,
            @Nullable @Size(max = 100) String organisationId,
            @Nullable @Size(max = 20) List<@NotBlank @Email String> contactEmails) {

        EstGroup.NewMember toNewMember() {
            String organisation = organisationId == null || organisationId.isBlank() ? null : organisationId.strip();
            return new EstGroup.NewMember(memberId, name.strip(), kind, organisation,
                    contactEmails == null ? List.of() : contactEmails.stream().map(String::strip).toList());
        }
    }

    /** The group's weekly rhythm in Europe/Stockholm time; both fall in the week after the reported week. */
    public record ScheduleRequest(@NotNull DayOfWeek cutOffDay, @NotNull LocalTime cutOffTime,
            @NotNull DayOfWeek meetingDay, @NotNull LocalTime meetingTime) {

        MeetingSchedule toSchedule() {
            return MeetingSchedule.of(cutOffDay, cutOffTime, meetingDay, meetingTime);
        }
    }

    /** A place; coordinates are WGS 84 decimal degrees and must lie in Sweden. */
    public record PlaceRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 100) String area,
            @NotNull PlaceType type,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {

        public EstGroup.NewPlace toNewPlace() {
            return new EstGroup.NewPlace(name.strip().replaceAll("\\s+", " "), area.strip().replaceAll("\\s+", " "), type,
                    latitude, longitude);
        }
    }

    public record CategoryRequest(@NotBlank @Size(max = 100) String label) {
    }

    public record ScheduleResponse(DayOfWeek cutOffDay, String cutOffTime, DayOfWeek meetingDay, String meetingTime,
            String timeZone) {

        static ScheduleResponse of(MeetingSchedule schedule) {
            return new ScheduleResponse(schedule.cutOffDay(), schedule.cutOffTime(), schedule.meetingDay(),
                    schedule.meetingTime(), MeetingSchedule.STOCKHOLM.getId());
        }
    }

    public record GroupResponse(UUID id, String name, String ownerOrganisationId, List<String> memberOrganisationIds,
            List<Member> members, List<Place> places, List<Category> categories, ScheduleResponse schedule,
            int hotSpotCellMeters, long version, Instant createdAt, Instant updatedAt) {

        public static GroupResponse of(EstGroup group) {
            return new GroupResponse(group.getId(), group.getName(), group.getOrganisationId(),
                    group.getMemberOrganisationIds(), group.getMembers(), group.getPlaces(), group.getCategories(),
                    ScheduleResponse.of(group.getSchedule()), group.getHotSpotCellMeters(), group.getVersion(),
                    group.getCreatedAt(), group.getUpdatedAt());
        }
    }
}
