package se.trygghetsnav.notification.est;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.trygghetsnav.commons.events.InboundEvent;
import se.trygghetsnav.notification.calendar.WorkingCalendar;
import se.trygghetsnav.notification.delivery.MailKeys;
import se.trygghetsnav.notification.delivery.MailQueue;
import se.trygghetsnav.notification.delivery.MailRequest;
import se.trygghetsnav.notification.reminder.Reminder;
import se.trygghetsnav.notification.reminder.ReminderFiring;
import se.trygghetsnav.notification.reminder.ReminderKind;
import se.trygghetsnav.notification.reminder.ReminderPlanner;
import se.trygghetsnav.notification.reminder.ReminderSchedule;
import se.trygghetsnav.notification.reminder.ReminderStatus;

/**
 * The weekly reminder before an EST group's cut-off to the members that have not posted for the week.
 *
 * <p>One reminder per group and week, {@code est-cutoff:<groupId>:<isoWeek>}, in the shared reminder schedule, so
 * the dispatcher claims it once, "why did I get this?" lists it and reminder-sent announces it. It fires the
 * organisation's lead of working days before the cut-off ({@link ReminderPlanner#settings}), at the opening of
 * office hours; when that has passed, at the next office time still before the cut-off. It is the group's
 * schedule now, not the week's when it opened, that sets the cut-off, as in est-lagesbild-service.
 *
 * <p>Who is reminded is decided when it fires: each posting member that has not posted for the week by then, one
 * mail per contact address under {@code est-cutoff:<groupId>:<isoWeek>:<memberId>:<address hash>}, whatever the
 * address's digest preference (a digest could arrive after the cut-off). Firing schedules the next week's
 * reminder, so a group is reminded every week; group events and week-opened schedule it too, so a chain broken by
 * a long outage is mended by the next of them.
 */
public class CutOffReminders implements ReminderFiring {

    static final String TEMPLATE = "est-cutoff-reminder";
    private static final String KEY_PREFIX = "est-cutoff:";
    private static final Logger log = LoggerFactory.getLogger(CutOffReminders.class);

    private final EstGroups groups;
    private final ReminderSchedule schedule;
    private final ReminderPlanner planner;
    private final MailQueue mails;
    private final EstWeekMails texts;
    private final WorkingCalendar calendar;
    private final Clock clock;

    public CutOffReminders(EstGroups groups, ReminderSchedule schedule, ReminderPlanner planner, MailQueue mails,
            EstWeekMails texts, WorkingCalendar calendar, Clock clock) {
        this.groups = groups;
        this.schedule = schedule;
        this.planner = planner;
        this.mails = mails;
        this.texts = texts;
        this.calendar = calendar;
        this.clock = clock;
    }

    static String key(UUID groupId, String isoWeek) {
        return KEY_PREFIX + groupId + ":" + isoWeek;
    }

    /**
     * group-registered and group-changed (after the projection): the group's next reminder, by its schedule now.
     * Never one for a week before the event: a group just set up is not reminded of the week before it existed.
     */
    public void onGroup(InboundEvent event, EstEvents.GroupState state) {
        String eventWeek = IsoWeeks.of(WorkingCalendar.dateOf(state.occurredAt()));
        groups.group(state.aggregateId()).ifPresent(group -> scheduleNext(group, later(eventWeek, lastWeek()), event.id()));
    }

    /** week-opened: that week's reminder, unless its time has passed. */
    public void onWeekOpened(InboundEvent event, EstEvents.WeekOpened week) {
        groups.group(week.groupId()).ifPresent(group -> scheduleWeek(group, week.isoWeek(), event.id()));
    }

    /** Schedules the first week from {@code firstWeek} whose reminder can still go out before its cut-off. */
    private void scheduleNext(EstGroup group, String firstWeek, String sourceEventId) {
        String week = firstWeek;
        for (int i = 0; i < 3 && !scheduleWeek(group, week, sourceEventId); i++) {
            week = IsoWeeks.plus(week, 1);
        }
    }

    /** @return whether the week's reminder is wanted (its time is before the cut-off) */
    private boolean scheduleWeek(EstGroup group, String isoWeek, String sourceEventId) {
        Instant cutOff = group.schedule().cutOffAt(isoWeek).toInstant();
        Optional<Instant> fireAt = fireAt(cutOff, planner.settings(group.organisationId()).estCutOffLeadWorkingDays());
        if (fireAt.isEmpty()) {
            return false;
        }
        String key = key(group.groupId(), isoWeek);
        Instant now = clock.instant();
        Reminder existing = schedule.find(key).orElse(null);
        if (existing != null) {
            boolean moved = existing.status() == ReminderStatus.SCHEDULED && existing.fireAt().isAfter(now)
                    && !existing.fireAt().equals(fireAt.get());
            if (!moved && existing.status() != ReminderStatus.CANCELLED) {
                return true;
            }
            if (moved) {
                // The cut-off or the lead changed: a cancelled key is scheduled again, at the new time.
                schedule.cancel(key, "EST-gruppens brytpunkt eller påminnelsetid ändrades");
            }
        }
        schedule.schedule(Reminder.scheduled(key, group.organisationId(), ReminderKind.EST_CUT_OFF, null,
                "est-group:" + group.groupId(), EstWeekMails.itemRef(group.groupId(), isoWeek),
                WorkingCalendar.dateOf(cutOff), group.name(), null, null, null, null, List.of(), List.of(),
                sourceEventId, now), fireAt.get());
        return true;
    }

    /**
     * The opening of office hours {@code lead} working days before the cut-off's day (earlier still if the cut-off
     * comes before that opening); when that has passed, the next office time. Empty when that is not before the
     * cut-off.
     */
    private Optional<Instant> fireAt(Instant cutOff, int lead) {
        LocalDate day = calendar.minusWorkingDays(WorkingCalendar.dateOf(cutOff), lead);
        while (!calendar.officeOpening(day).isBefore(cutOff)) {
            day = calendar.minusWorkingDays(day, 1);
        }
        Instant planned = calendar.officeOpening(day);
        Instant now = clock.instant();
        Instant fireAt = planned.isBefore(now) ? calendar.nextOfficeTime(now) : planned;
        return fireAt.isBefore(cutOff) ? Optional.of(fireAt) : Optional.empty();
    }

    @Override
    public boolean fires(ReminderKind kind) {
        return kind == ReminderKind.EST_CUT_OFF;
    }

    @Override
    public List<String> fire(Reminder reminder, Instant now) {
        String[] groupAndWeek = reminder.key().substring(KEY_PREFIX.length()).split(":");
        UUID groupId = UUID.fromString(groupAndWeek[0]);
        String isoWeek = groupAndWeek[1];
        EstGroup group = groups.group(groupId).orElse(null);
        if (group == null) {
            return List.of();
        }
        scheduleNext(group, later(IsoWeeks.plus(isoWeek, 1), lastWeek()), reminder.sourceEventId());
        ZonedDateTime cutOff = group.schedule().cutOffAt(isoWeek);
        if (!now.isBefore(cutOff.toInstant())) {
            log.info("EST reminder {} came after the cut-off: nobody is told", reminder.key());
            return List.of();
        }
        EstWeek week = groups.week(groupId, isoWeek).orElse(null);
        List<EstEvents.Member> missing = group.postingMembers().stream()
                .filter(member -> week == null || !week.postedBy(member.memberId())).toList();
        List<String> told = new ArrayList<>();
        for (EstEvents.Member member : missing) {
            for (String address : member.contactEmails().stream().distinct().toList()) {
                mails.enqueue(new MailRequest(MailKeys.of("est-cutoff", groupId, isoWeek, member.memberId(), address),
                        group.organisationId(), address, TEMPLATE, model(group, isoWeek, cutOff, member, missing),
                        reason(group, member), EstWeekMails.itemRef(groupId, isoWeek), reminder.sourceEventId()));
                told.add(address);
            }
        }
        return told;
    }

    private Map<String, Object> model(EstGroup group, String isoWeek, ZonedDateTime cutOff, EstEvents.Member member,
            List<EstEvents.Member> missing) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("groupName", group.name());
        model.put("memberName", member.name());
        model.put("week", EstWeekMails.weekName(isoWeek));
        model.put("cutOff", EstWeekMails.moment(cutOff));
        model.put("meeting", EstWeekMails.moment(group.schedule().meetingAt(isoWeek)));
        model.put("othersTold", EstWeekMails.othersThan(member, missing));
        model.put("link", texts.link(group.groupId(), isoWeek));
        model.put("reason", reason(group, member));
        return model;
    }

    private static String reason(EstGroup group, EstEvents.Member member) {
        return "Adressen är kontaktadress för " + member.name() + " i EST-gruppen " + group.name()
                + ". Medlemmar som inte har rapporterat för veckan påminns före brytpunkten.";
    }

    private static String later(String isoWeek, String other) {
        // ISO weeks of four-digit years sort as text.
        return isoWeek.compareTo(other) >= 0 ? isoWeek : other;
    }

        /** The week before this one: the latest whose cut-off (in the following week) may still be ahead. */
    private String lastWeek() {
        return IsoWeeks.plus(IsoWeeks.of(WorkingCalendar.dateOf(clock.instant())), -1);
    }
}
