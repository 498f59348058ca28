package se.trygghetsnav.est.week;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import se.trygghetsnav.commons.aggregate.EventContext;
import se.trygghetsnav.commons.problem.ResourceNotFoundException;
import se.trygghetsnav.commons.security.Caller;
import se.trygghetsnav.est.group.EstGroup;
import se.trygghetsnav.est.group.EstGroups;
import se.trygghetsnav.est.group.Member;
import se.trygghetsnav.est.group.Place;
import se.trygghetsnav.est.measurelink.LinkableMeasure;
import se.trygghetsnav.est.measurelink.LinkableMeasures;
import se.trygghetsnav.est.text.FreeText;

/**
 * The meeting about a week: the efforts it decides, the follow-up of earlier decisions, and publication,
 * which freezes the week. All of it is the coordinator's.
 */
@Service
public class Meetings {

    private static final Logger log = LoggerFactory.getLogger(Meetings.class);

    /** How many weeks back a decision can still be followed up. */
    public static final int FOLLOW_UP_WEEKS = 8;

    private final WeekReports weeks;
    private final EstGroups groups;
    private final LinkableMeasures measures;
    private final FreeText freeText;
    private final EventContext context;
    private final MongoTemplate mongo;

    public Meetings(WeekReports weeks, EstGroups groups, LinkableMeasures measures, FreeText freeText,
            EventContext context, MongoTemplate mongo) {
        this.weeks = weeks;
        this.groups = groups;
        this.measures = measures;
        this.freeText = freeText;
        this.context = context;
        this.mongo = mongo;
    }

    /**
     * A decided effort as the coordinator records it.
     *
     * @param placeId where, as a known place; or
     * @param area where, as an area (defaults to the place's area)
     * @param measureId the åtgärdsplan measure it serves, if any (one of the plans of the caller's organisation)
     */
    public record NewDecision(EffortKind kind, String what, @Nullable UUID placeId, @Nullable String area,
            LocalDate startDate, @Nullable LocalDate endDate, @Nullable TimeBand timeBand, UUID responsibleMemberId,
            @Nullable UUID measureId) {
    }

    public record Decided(EstGroup group, WeekReport report, Decision decision) {
    }

    public record FollowedUp(EstGroup group, WeekReport report, FollowUp followUp) {
    }

    /** A decision of an earlier week with the week it was taken in. */
    public record EarlierDecision(IsoWeek week, Decision decision) {
    }

    /** The follow-up at a week's meeting: what is still to be followed up, and what was. */
    public record FollowUps(List<EarlierDecision> pending, List<FollowUp> recorded) {
    }

    public Decided decide(Caller caller, UUID groupId, IsoWeek week, NewDecision decision) {
        EstGroup group = groups.get(groupId);
        EstGroups.requireCoordinator(group, caller);
        weeks.requireStarted(week);
        freeText.requireNoPersonalIdentityNumber("what", decision.what());
        FreeText.Errors errors = freeText.errors();
        Optional<Place> place = Optional.empty();
        if (decision.placeId() != null) {
            place = group.place(decision.placeId());
            if (place.isEmpty()) {
                errors.add("placeId", "est.decision.unknown-place", decision.placeId());
            }
        }
        else if (decision.area() == null || decision.area().isBlank()) {
            errors.add("placeId", "est.decision.where-required");
        }
        if (decision.endDate() != null && decision.endDate().isBefore(decision.startDate())) {
            errors.add("endDate", "est.decision.end-before-start");
        }
        Optional<Member> responsible = group.member(decision.responsibleMemberId());
        if (responsible.isEmpty()) {
            errors.add("responsibleMemberId", "est.decision.unknown-member", decision.responsibleMemberId());
        }
        Optional<LinkableMeasure> measure = Optional.empty();
        if (decision.measureId() != null) {
            measure = measures.find(decision.measureId());
            if (measure.isEmpty()) {
                errors.add("measureId", "est.decision.unknown-measure", decision.measureId());
            }
        }
        errors.throwIfAny("invalid-decision");

        String area = decision.area() != null && !decision.area().isBlank() ? decision.area().strip()
                : place.map(Place::area).orElse(null);
        Decision recorded = new Decision(context.newId(), decision.kind(), decision.what().strip(), decision.placeId(), area,
                decision.startDate(), decision.endDate(), decision.timeBand(), responsible.get().memberId(),
                responsible.get().name(), responsible.get().organisationId(), decision.measureId(),
                measure.map(LinkableMeasure::planId).orElse(null), context.now());
        Decided decided = weeks.modify(group, week, null, true, report -> new Decided(group, report, report.decide(recorded, context)));
        log.info("Decision {} ({}) recorded in week {} of EST group {}{}", recorded.decisionId(), recorded.kind(), week, groupId,
                recorded.measureId() == null ? "" : ", serving measure " + recorded.measureId());
        return decided;
    }

    /** Records how a decision of one of the previous weeks went, at this week's meeting. */
    public FollowedUp followUp(Caller caller, UUID groupId, IsoWeek week, UUID decisionId, FollowUpOutcome outcome,
            @Nullable String note) {
        EstGroup group = groups.get(groupId);
        EstGroups.requireCoordinator(group, caller);
        weeks.requireStarted(week);
        if (note != null) {
            freeText.requireNoPersonalIdentityNumber("note", note);
        }
        EarlierDecision earlier = earlierDecisions(groupId, week).stream()
                .filter(candidate -> candidate.decision().decisionId().equals(decisionId)).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("decision", decisionId));
        FollowUp followUp = new FollowUp(decisionId, earlier.week().toString(), WeekReport.idFor(groupId, earlier.week()),
                earlier.decision(), outcome, note == null || note.isBlank() ? null : note.strip(), context.now());
        FollowedUp recorded = weeks.modify(group, week, null, true,
                report -> new FollowedUp(group, report, report.followUp(followUp, context)));
        log.info("Decision {} of week {} followed up in week {} of EST group {}: {}", decisionId, earlier.week(), week, groupId,
                outcome);
        return recorded;
    }

    /**
     * The decisions of the previous {@value #FOLLOW_UP_WEEKS} weeks not yet followed up by this week, and the
     * follow-ups recorded in this week.
     */
    public FollowUps followUps(UUID groupId, IsoWeek week) {
        groups.get(groupId);
        Map<IsoWeek, WeekReport> reports = decisionsAndFollowUps(groupId, week);
        Set<UUID> followedUp = new HashSet<>();
        reports.values().forEach(report -> report.getFollowUps().forEach(followUp -> followedUp.add(followUp.decisionId())));
        List<EarlierDecision> pending = new ArrayList<>();
        for (Map.Entry<IsoWeek, WeekReport> report : reports.entrySet()) {
            if (report.getKey().compareTo(week) < 0) {
                report.getValue().getDecisions().stream().filter(decision -> !followedUp.contains(decision.decisionId()))
                        .forEach(decision -> pending.add(new EarlierDecision(report.getKey(), decision)));
            }
        }
        WeekReport current = reports.get(week);
        return new FollowUps(pending, current == null ? List.of() : current.getFollowUps());
    }

    /** Publishes the week after the meeting: it is frozen from then on, and its public summary is out. */
    public WeekReport publish(Caller caller, UUID groupId, IsoWeek week, @Nullable String ifMatch) {
        EstGroup group = groups.get(groupId);
        EstGroups.requireCoordinator(group, caller);
        weeks.requireStarted(week);
        WeekReport published = weeks.modify(group, week, ifMatch, true, report -> {
            report.publish(group, context);
            return report;
        });
        log.info("Week {} of EST group {} published with {} entries and {} decisions", week, groupId,
                published.getEntries().size(), published.getDecisions().size());
        return published;
    }

    private List<EarlierDecision> earlierDecisions(UUID groupId, IsoWeek week) {
        List<EarlierDecision> decisions = new ArrayList<>();
        decisionsAndFollowUps(groupId, week).forEach((reportWeek, report) -> {
            if (reportWeek.compareTo(week) < 0) {
                report.getDecisions().forEach(decision -> decisions.add(new EarlierDecision(reportWeek, decision)));
            }
        });
        return decisions;
    }

    /**
     * The decisions and follow-ups of this week and the ones before it, oldest first; one small read by id per
     * week, under tenancy.
     */
    private Map<IsoWeek, WeekReport> decisionsAndFollowUps(UUID groupId, IsoWeek week) {
        Map<IsoWeek, WeekReport> reports = new LinkedHashMap<>();
        for (int back = FOLLOW_UP_WEEKS; back >= 0; back--) {
            IsoWeek reportWeek = week.minusWeeks(back);
            Query query = Query.query(Criteria.where("_id").is(WeekReport.idFor(groupId, reportWeek)));
            query.fields().include("groupId", "isoWeek", "status", "decisions", "followUps", "organisationId", "version");
            WeekReport report = mongo.findOne(query, WeekReport.class);
            if (report != null) {
                reports.put(reportWeek, report);
            }
        }
        return reports;
    }
}
