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
import se.trygghetsnav.est.group.Place;
import se.trygghetsnav.est.group.PlaceType;
import se.trygghetsnav.est.week.Certainty;
import se.trygghetsnav.est.week.Decision;
import se.trygghetsnav.est.week.EffortKind;
import se.trygghetsnav.est.week.FollowUp;
import se.trygghetsnav.est.week.FollowUpOutcome;
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
            int entryCount, int reviewedCount, int lateCount, @Nullable Instant openedAt, @Nullable Instant closedAt,
            @Nullable Instant publishedAt, List<DecisionView> decisions, List<FollowUpView> followUps) {

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
                    week.report().map(WeekReport::getClosedAt).orElse(null),
                    week.report().map(WeekReport::getPublishedAt).orElse(null),
                    week.report().map(report -> report.getDecisions().stream().map(decision -> DecisionView.of(group, decision))
                            .toList()).orElse(List.of()),
                    week.report().map(report -> report.getFollowUps().stream().map(followUp -> FollowUpView.of(group, followUp))
                            .toList()).orElse(List.of()));
        }

        public static WeekResponse of(EstGroup group, WeekReport report) {
            return of(new WeekReports.Week(group, report.week(), java.util.Optional.of(report)));
        }
    }

    /**
     * A decided effort.
     *
     * @param place where, when a known place was named
     * @param measureId the åtgärdsplan measure it serves, and {@code planId} its plan
     */
    public record DecisionView(UUID decisionId, EffortKind kind, String what, @Nullable PlaceView place,
            @Nullable String area, LocalDate startDate, @Nullable LocalDate endDate, @Nullable TimeBand timeBand,
            MemberView responsible, @Nullable String responsibleOrganisationId, @Nullable UUID measureId,
            @Nullable UUID planId, Instant decidedAt) {

        public static DecisionView of(EstGroup group, Decision decision) {
            PlaceView place = decision.placeId() == null ? null
                    : group.place(decision.placeId()).map(PlaceView::of).orElse(null);
            return new DecisionView(decision.decisionId(), decision.kind(), decision.what(), place, decision.area(),
                    decision.startDate(), decision.endDate(), decision.timeBand(),
                    new MemberView(decision.responsibleMemberId(), decision.responsibleName()),
                    decision.responsibleOrganisationId(), decision.measureId(), decision.planId(), decision.decidedAt());
        }
    }

    /** How a decision of an earlier week went. */
    public record FollowUpView(UUID decisionId, IsoWeek decidedInWeek, DecisionView decision, FollowUpOutcome outcome,
            @Nullable String note, Instant recordedAt) {

        public static FollowUpView of(EstGroup group, FollowUp followUp) {
            return new FollowUpView(followUp.decisionId(), IsoWeek.parse(followUp.decidedInWeek()),
                    DecisionView.of(group, followUp.decision()), followUp.outcome(), followUp.note(), followUp.recordedAt());
        }
    }
}
