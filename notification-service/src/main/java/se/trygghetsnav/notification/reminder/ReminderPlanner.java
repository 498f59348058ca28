package se.trygghetsnav.notification.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoOperations;

import se.trygghetsnav.commons.events.InboundEvent;
import se.trygghetsnav.notification.calendar.WorkingCalendar;
import se.trygghetsnav.notification.contacts.ContactDirectory;
import se.trygghetsnav.notification.contacts.MeasureContact;
import se.trygghetsnav.notification.contacts.MeasureState;
import se.trygghetsnav.notification.contacts.PlanEvents;

/**
 * Turns plan and follow-up events into the reminder schedule: which reminders an item should have, with which
 * keys and fire days. A changed due date gives new keys and cancels the old; a removed measure, a DONE or
 * CANCELLED report, a cleared overdue state or an arrived report cancels what is left.
 *
 * <p>Fire days are working days (the working day before, when the computed day is off) at the opening of
 * office hours. A stage whose day has passed is dropped, except that the latest stage that passed within the
 * lookback and whose due date is still ahead (or, for escalations, the latest stage reached) goes out at once:
 * a late event still reminds, a replayed old one does not.
 */
public class ReminderPlanner {

    private static final Logger log = LoggerFactory.getLogger(ReminderPlanner.class);

    private final ReminderSchedule schedule;
    private final ContactDirectory contacts;
    private final WorkingCalendar calendar;
    private final ReminderProperties defaults;
    private final MongoOperations mongo;
    private final Clock clock;

    public ReminderPlanner(ReminderSchedule schedule, ContactDirectory contacts, WorkingCalendar calendar,
            ReminderProperties defaults, MongoOperations mongo, Clock clock) {
        this.schedule = schedule;
        this.contacts = contacts;
        this.calendar = calendar;
        this.defaults = defaults;
        this.mongo = mongo;
        this.clock = clock;
    }

    public OrganisationSettings.Effective settings(String organisationId) {
        OrganisationSettings own = mongo.findById(organisationId, OrganisationSettings.class);
        return own == null ? OrganisationSettings.defaults(defaults) : own.over(defaults);
    }

    static String measureItem(UUID measureId) {
        return "measure:" + measureId;
    }

    static String overdueItem(UUID measureId) {
        return "overdue:" + measureId;
    }

    static String roundItem(UUID roundId) {
        return "round:" + roundId;
    }

    static String reportItem(UUID roundId, UUID measureId) {
        return "report:" + roundId + ":" + measureId;
    }

    /** measure-added and measure-changed. */
    public void onMeasure(InboundEvent event, MeasureState measure) {
        String item = measureItem(measure.measureId());
        if (Boolean.TRUE.equals(schedule.item(item).map(ReminderItems::ended).orElse(false))) {
            log.info("Measure {} is reported done or cancelled: no reminders", measure.measureId());
            return;
        }
        OrganisationSettings.Effective settings = settings(measure.organisationId());
        LocalDate today = today();
        Map<String, Stage> stages = new LinkedHashMap<>();
        String prefix = item + ":";
        LocalDate reminderDue = measure.dueDate();
        if (measure.continuous()) {
            LocalDate anchor = measure.schedule() != null && measure.schedule().startDate() != null
                    ? measure.schedule().startDate()
                    : contacts.measure(measure.measureId()).map(MeasureContact::firstSeen).orElse(today);
            LocalDate check = nextCheck(anchor, settings.continuousCheckMonths(), today);
            reminderDue = check;
            stages.put(prefix + "still-active:" + check,
                    new Stage(ReminderKind.MEASURE_STILL_ACTIVE, null, calendar.onOrAfter(check)));
        }
        else if (measure.dueDate() != null) {
            LocalDate due = measure.dueDate();
            LocalDate start = measure.schedule() != null && measure.schedule().startDate() != null
                    ? measure.schedule().startDate()
                    : contacts.measure(measure.measureId()).map(MeasureContact::firstSeen).orElse(today);
            boolean isLong = ChronoUnit.DAYS.between(start, due) >= settings.longMeasureDays();
            LocalDate first = calendar.onOrBefore(due.minusDays(isLong ? settings.longLeadDays() : settings.shortLeadDays()));
            LocalDate last = calendar.minusWorkingDays(due, settings.lastReminderWorkingDays());
            if (first.isBefore(last)) {
                stages.put(prefix + "due-first:" + due, new Stage(ReminderKind.MEASURE_DUE_FIRST, null, first));
            }
            stages.put(prefix + "due-last:" + due, new Stage(ReminderKind.MEASURE_DUE_LAST, null, last));
        }
        Map<String, Stage> due = keepDue(stages, measure.dueDate() == null || !measure.dueDate().isBefore(today));
        int cancelled = schedule.cancelItem(item, "Åtgärdens tidplan ändrades", due.keySet());
        String itemRef = measureRef(measure.aggregateId(), measure.measureId());
        LocalDate dueOrCheck = reminderDue;
        due.forEach((key, stage) -> schedule.schedule(Reminder.scheduled(key, measure.organisationId(), stage.kind(), null,
                item, itemRef, dueOrCheck, measure.title(), measure.planTitle(), measure.aggregateId(),
                measure.measureId(), null, measure.unitIds(), List.of(), event.id(), clock.instant()), fireAt(stage.day())));
        log.info("Measure {}: {} reminder(s) wanted, {} cancelled", measure.measureId(), due.size(), cancelled);
    }

    public void onMeasureRemoved(InboundEvent event, PlanEvents.MeasureRemoved removed) {
        schedule.cancelItem(measureItem(removed.measureId()), "Åtgärden togs bort ur planen");
        schedule.cancelItem(overdueItem(removed.measureId()), "Åtgärden togs bort ur planen");
    }

    /** measure-report-submitted and measure-report-corrected. */
    public void onReport(InboundEvent event, FollowupEvents.MeasureReported report) {
        schedule.recordReport(report.aggregateId(), report.organisationId(), report.measureId());
        schedule.cancelItem(reportItem(report.aggregateId(), report.measureId()), "Uppföljningsrapporten har kommit in");
        schedule.markEnded(measureItem(report.measureId()), report.organisationId(), report.endsTheMeasure());
        if (report.endsTheMeasure()) {
            String reason = "DONE".equals(report.status()) ? "Åtgärden rapporterades genomförd" : "Åtgärden rapporterades inställd";
            schedule.cancelItem(measureItem(report.measureId()), reason);
            schedule.cancelItem(overdueItem(report.measureId()), reason);
        }
    }

    public void onRoundOpened(InboundEvent event, FollowupEvents.RoundOpened round) {
        OrganisationSettings.Effective settings = settings(round.organisationId());
        LocalDate day = calendar.minusWorkingDays(round.dueDate(), settings.roundLeadWorkingDays());
        Map<UUID, List<FollowupEvents.RoundMeasure>> byUnit = new LinkedHashMap<>();
        round.measures().forEach(measure -> measure.responsibleUnitIds().forEach(unit ->
                byUnit.computeIfAbsent(unit, u -> new ArrayList<>()).add(measure)));
        byUnit.forEach((unit, measures) -> {
            String key = roundItem(round.aggregateId()) + ":due:" + unit + ":" + round.dueDate();
            Map<String, Stage> due = keepDue(Map.of(key, new Stage(ReminderKind.ROUND_DUE, null, day)),
                    !round.dueDate().isBefore(today()));
            due.forEach((k, stage) -> schedule.schedule(Reminder.scheduled(k, round.organisationId(), ReminderKind.ROUND_DUE,
                    null, roundItem(round.aggregateId()), "round/" + round.aggregateId(), round.dueDate(), round.name(),
                    null, round.planId(), null, round.aggregateId(), List.of(unit),
                    measures.stream().map(m -> m.measureId() + "|" + m.title()).toList(), event.id(), clock.instant()),
                    fireAt(stage.day())));
        });
    }

    public void onOverdue(InboundEvent event, FollowupEvents.MeasureOverdue overdue) {
        LocalDate detected = overdue.detectedOn() != null ? overdue.detectedOn() : overdue.overdueSince();
        String prefix = "overdue:" + overdue.measureId() + ":" + overdue.overdueSince() + ":";
        MeasureContact measure = contacts.measure(overdue.measureId()).orElse(null);
        escalate(event, overdue.organisationId(), ReminderKind.MEASURE_OVERDUE, prefix, overdueItem(overdue.measureId()),
                measureRef(overdue.planId(), overdue.measureId()), detected, overdue.deadline(), overdue.title(),
                measure == null ? null : measure.planTitle(), overdue.planId(), overdue.measureId(), null,
                overdue.responsibleUnitIds());
    }

    public void onOverdueCleared(InboundEvent event, FollowupEvents.MeasureOverdueCleared cleared) {
        schedule.cancelItem(overdueItem(cleared.measureId()), "Åtgärden är inte längre försenad (" + cleared.reason() + ")");
    }

    public void onReportMissing(InboundEvent event, FollowupEvents.ReportMissing missing) {
        if (schedule.reported(missing.aggregateId(), missing.measureId())) {
            return;
        }
        String prefix = "missing:" + missing.aggregateId() + ":" + missing.measureId() + ":" + missing.unitId() + ":";
        MeasureContact measure = contacts.measure(missing.measureId()).orElse(null);
        escalate(event, missing.organisationId(), ReminderKind.REPORT_MISSING, prefix,
                reportItem(missing.aggregateId(), missing.measureId()), "round/" + missing.aggregateId() + "/measure/"
                        + missing.measureId(), missing.dueDate().plusDays(1), missing.dueDate(), missing.measureTitle(),
                measure == null ? null : measure.planTitle(), missing.planId(), missing.measureId(), missing.aggregateId(),
                List.of(missing.unitId()));
    }

    /** Unit at once, its manager N working days later, the plan's coordinator M working days after that. */
    private void escalate(InboundEvent event, String organisationId, ReminderKind kind, String keyPrefix, String item,
            String itemRef, LocalDate detected, LocalDate dueDate, String title, String planTitle, UUID planId,
            UUID measureId, UUID roundId, List<UUID> unitIds) {
        OrganisationSettings.Effective settings = settings(organisationId);
        LocalDate unitDay = calendar.onOrAfter(detected);
        LocalDate managerDay = calendar.plusWorkingDays(unitDay, settings.managerAfterWorkingDays());
        LocalDate coordinatorDay = calendar.plusWorkingDays(managerDay, settings.coordinatorAfterWorkingDays());
        Map<String, Stage> stages = new LinkedHashMap<>();
        stages.put(keyPrefix + "unit", new Stage(kind, EscalationStage.UNIT, unitDay));
        stages.put(keyPrefix + "manager", new Stage(kind, EscalationStage.MANAGER, managerDay));
        stages.put(keyPrefix + "coordinator", new Stage(kind, EscalationStage.COORDINATOR, coordinatorDay));
        keepDue(stages, true).forEach((key, stage) -> schedule.schedule(Reminder.scheduled(key, organisationId, kind,
                stage.stage(), item, itemRef, dueDate, title, planTitle, planId, measureId, roundId, unitIds, List.of(),
                event.id(), clock.instant()), fireAt(stage.day())));
    }

    /**
     * The stages still to come; of those whose day has passed (within the lookback), the latest goes out today when
     * {@code stillRelevant}, the others are dropped.
     */
    private Map<String, Stage> keepDue(Map<String, Stage> stages, boolean stillRelevant) {
        LocalDate today = today();
        LocalDate oldest = WorkingCalendar.dateOf(clock.instant().minus(defaults.lookback()));
        Map<String, Stage> kept = new LinkedHashMap<>();
        String latestPassed = null;
        for (Map.Entry<String, Stage> stage : stages.entrySet()) {
            LocalDate day = stage.getValue().day();
            if (!day.isBefore(today)) {
                kept.put(stage.getKey(), stage.getValue());
            }
            else if (!day.isBefore(oldest)) {
                latestPassed = stage.getKey();
            }
        }
        if (latestPassed != null && stillRelevant && kept.values().stream().noneMatch(s -> s.day().equals(today))) {
            Map<String, Stage> withCatchUp = new LinkedHashMap<>();
            withCatchUp.put(latestPassed, stages.get(latestPassed).on(today));
            withCatchUp.putAll(kept);
            return withCatchUp;
        }
        return kept;
    }

    /** The opening of office hours on {@code day}; today, if that has passed, now (or the next opening). */
    private Instant fireAt(LocalDate day) {
        Instant opening = calendar.officeOpening(calendar.onOrAfter(day));
        Instant now = clock.instant();
        return opening.isBefore(now) ? calendar.nextOfficeTime(now) : opening;
    }

    /** The first check day after today: anchor plus a whole number of intervals. */
    static LocalDate nextCheck(LocalDate anchor, int months, LocalDate today) {
        LocalDate check = anchor.plusMonths(months);
        for (int i = 2; !check.isAfter(today); i++) {
            check = anchor.plusMonths((long) months * i);
        }
        return check;
    }

    /** The still-active check after the one that just fired. */
    void scheduleNextCheck(Reminder fired) {
        OrganisationSettings.Effective settings = settings(fired.organisationId());
        LocalDate check = nextCheck(fired.dueDate() != null ? fired.dueDate() : today(), settings.continuousCheckMonths(),
                today());
        String key = measureItem(fired.measureId()) + ":still-active:" + check;
        schedule.schedule(new Reminder(key, fired.organisationId(), fired.kind(), null, fired.itemKey(), fired.itemRef(),
                null, null, ReminderStatus.SCHEDULED, check, fired.title(), fired.planTitle(), fired.planId(),
                fired.measureId(), null, fired.unitIds(), List.of(), List.of(), fired.sourceEventId(), clock.instant(),
                null, null, null, null), fireAt(calendar.onOrAfter(check)));
    }

    static String measureRef(UUID planId, UUID measureId) {
        return "plan/" + planId + "/measure/" + measureId;
    }

    private LocalDate today() {
        return WorkingCalendar.dateOf(clock.instant());
    }

    private record Stage(ReminderKind kind, EscalationStage stage, LocalDate day) {

        Stage on(LocalDate other) {
            return new Stage(kind, stage, other);
        }
    }

    static Set<String> keys(Map<String, ?> stages) {
        return stages.keySet().stream().collect(Collectors.toSet());
    }
}
