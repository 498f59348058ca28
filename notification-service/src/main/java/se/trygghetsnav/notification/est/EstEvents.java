package se.trygghetsnav.notification.est;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import se.trygghetsnav.notification.calendar.WorkingCalendar;

/** The tolerant records of the {@code est.events} notification-service reads: only the fields it uses. */
public final class EstEvents {

    static final String ISO_WEEK = "^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$";
    static final String HH_MM = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

    private EstEvents() {
    }

    /** {@code group-registered.v1} and {@code group-changed.v1}: the group's whole set-up; aggregateId is the group. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GroupState(@NotNull UUID aggregateId, @NotNull Long aggregateVersion, @NotBlank String organisationId,
            @NotNull Instant occurredAt, @NotBlank String name, @NotNull List<@Valid @NotNull Member> members, @NotNull @Valid Schedule schedule) {
    }

    /**
     * A member of a group.
     *
     * @param organisationId absent for members that only get mail (they cannot post, so they are never reminded)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Member(@NotNull UUID memberId, @NotBlank String name, String organisationId,
            @NotNull List<@NotBlank String> contactEmails) {
    }

    /**
     * The weekly rhythm, Europe/Stockholm ({@code HH:mm} times): the cut-off and the meeting about a week both fall
     * in the week after it, as est-lagesbild-service computes them from the group's current schedule.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Schedule(@NotNull DayOfWeek cutOffDay, @NotNull @Pattern(regexp = HH_MM) String cutOffTime,
            @NotNull DayOfWeek meetingDay, @NotNull @Pattern(regexp = HH_MM) String meetingTime) {

        /** Until when entries of {@code isoWeek} are expected. */
        public ZonedDateTime cutOffAt(String isoWeek) {
            return IsoWeeks.monday(isoWeek).plusWeeks(1).with(cutOffDay).atTime(LocalTime.parse(cutOffTime))
                    .atZone(WorkingCalendar.STOCKHOLM);
        }

        /** When the group meets about {@code isoWeek}. */
        public ZonedDateTime meetingAt(String isoWeek) {
            return IsoWeeks.monday(isoWeek).plusWeeks(1).with(meetingDay).atTime(LocalTime.parse(meetingTime))
                    .atZone(WorkingCalendar.STOCKHOLM);
        }
    }

    /**
     * {@code week-opened.v1}; aggregateId is the week report. Its cut-off is the group's schedule at opening; the
     * reminder follows the group's current schedule, as est-lagesbild-service does when it marks entries late.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WeekOpened(@NotNull UUID aggregateId, @NotBlank String organisationId, @NotNull UUID groupId,
            @NotNull @Pattern(regexp = ISO_WEEK) String isoWeek, @NotNull OffsetDateTime cutOffAt) {
    }

    /**
     * {@code entries-posted.v1}; aggregateId is the week report.
     *
     * @param reportingMemberId absent when the posting organisation is no member of the group
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EntriesPosted(@NotNull UUID aggregateId, @NotBlank String organisationId, @NotNull UUID groupId,
            @NotNull @Pattern(regexp = ISO_WEEK) String isoWeek, @NotBlank String reportingOrganisationId,
            UUID reportingMemberId) {
    }

    /** {@code week-published.v1}: the public summary of the week; aggregateId is the week report. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WeekPublished(@NotNull UUID aggregateId, @NotBlank String organisationId, @NotNull Instant occurredAt,
            @NotNull UUID groupId, @NotNull @Pattern(regexp = ISO_WEEK) String isoWeek, @NotBlank String groupName,
            @NotNull @Min(0) Integer entryCount, @NotNull List<@Valid @NotNull CategoryCount> byCategory,
            @NotNull List<@Valid @NotNull AreaCount> byArea, @NotNull @Min(0) Integer decisionCount,
            @NotNull @Min(0) Integer followUpCount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CategoryCount(@NotBlank String label, @Min(1) int count) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AreaCount(@NotBlank String area, @Min(1) int count) {
    }
}
