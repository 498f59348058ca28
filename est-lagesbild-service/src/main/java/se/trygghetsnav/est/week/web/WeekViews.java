package se.trygghetsnav.est.week.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.est.group.Category;
import se.trygghetsnav.est.group.EstGroup;
import se.trygghetsnav.est.group.Member;
import se.trygghetsnav.est.group.Place;
import se.trygghetsnav.est.group.PlaceType;
import se.trygghetsnav.est.week.Certainty;
import se.trygghetsnav.est.week.Entry;
import se.trygghetsnav.est.week.IsoWeek;
import se.trygghetsnav.est.week.Seriousness;
import se.trygghetsnav.est.week.TimeBand;
import se.trygghetsnav.est.week.WeekReport;
import se.trygghetsnav.est.week.WeekReports;
import se.trygghetsnav.est.week.WeekStatus;

/** How weeks and entries look in the API. */
public final class WeekViews {

    private WeekViews() {
    }

    public record CategoryView(String code, String label) {

        static CategoryView of(EstGroup group, String code) {
            return new CategoryView(code, group.category(code).map(Category::label).orElse(code));
        }
    }

    public record PlaceView(UUID placeId, String name, String area, PlaceType type, double latitude, double longitude) {

        static PlaceView of(Place place) {
            return new PlaceView(place.placeId(), place.name(), place.area(), place.type(), place.latitude(), place.longitude());
        }
    }

    public record MemberView(UUID memberId, String name) {
    }

    /**
     * @param late posted after the week's cut-off
     * @param reviewedAt when the coordinator marked it reviewed; absent until then
     */
    public record EntryResponse(UUID entryId, UUID submissionId, IsoWeek week, CategoryView category, PlaceView place,
            LocalDate date, TimeBand timeBand, Seriousness seriousness, Certainty certainty, boolean reportedToPolice,
            @Nullable String description, String reportingOrganisationId, @Nullable MemberView reportingMember,
            Instant reportedAt, boolean late, @Nullable Instant changedAt, @Nullable Instant reviewedAt) {

        static EntryResponse of(EstGroup group, IsoWeek week, Entry entry, Map<UUID, String> descriptions) {
            Place place = group.place(entry.placeId()).orElseThrow();
            MemberView member = entry.reportingMemberId() == null ? null : group.member(entry.reportingMemberId())
                    .map(found -> new MemberView(found.memberId(), found.name()))
                    .orElse(null);
            return new EntryResponse(entry.entryId(), entry.submissionId(), week, CategoryView.of(group, entry.category()),
                    PlaceView.of(place), entry.date(), entry.timeBand(), entry.seriousness(), entry.certainty(),
                    entry.reportedToPolice(), descriptions.get(entry.entryId()), entry.reportingOrganisationId(), member,
                    entry.reportedAt(), entry.late(), entry.changedAt(), entry.reviewedAt());
        }
    }

    /**
     * @param opened whether anything has happened in the week yet (an unopened week reads as open and empty)
     * @param cutOffAt until when entries are expected, Europe/Stockholm
     * @param meetingAt when the group meets about the week
     */
    public record WeekResponse(UUID groupId, String groupName, IsoWeek week, LocalDate monday, LocalDate sunday,
            WeekStatus status, boolean opened, long version, OffsetDateTime cutOffAt, OffsetDateTime meetingAt,
            int entryCount, int reviewedCount, int lateCount, @Nullable Instant openedAt, @Nullable Instant closedAt) {

        public static WeekResponse of(WeekReports.Week week) {
            EstGroup group = week.group();
            List<Entry> entries = week.entries();
            return new WeekResponse(group.getId(), group.getName(), week.week(), week.week().monday(), week.week().sunday(),
                    week.status(), week.report().isPresent(), week.version(),
                    group.getSchedule().cutOffAt(week.week()).toOffsetDateTime(),
                    group.getSchedule().meetingAt(week.week()).toOffsetDateTime(), entries.size(),
                    (int) entries.stream().filter(Entry::isReviewed).count(),
                    (int) entries.stream().filter(Entry::late).count(),
                    week.report().map(WeekReport::getOpenedAt).orElse(null),
                    week.report().map(WeekReport::getClosedAt).orElse(null));
        }

        public static WeekResponse of(EstGroup group, WeekReport report) {
            return of(new WeekReports.Week(group, report.week(), java.util.Optional.of(report)));
        }
    }

    static @Nullable Member member(EstGroup group, @Nullable UUID memberId) {
        return memberId == null ? null : group.member(memberId).orElse(null);
    }
}
