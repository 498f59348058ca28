package se.trygghetsnav.notification.est;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.trygghetsnav.commons.events.InboundEvent;
import se.trygghetsnav.notification.delivery.MailKeys;
import se.trygghetsnav.notification.delivery.MailQueue;
import se.trygghetsnav.notification.delivery.MailRequest;

/**
 * Sends a published week's picture (the summary counts of week-published) to every contact address of every
 * member of the group, posting or not: one mail per week and address, {@code est-week-picture:<weekReportId>:<address
 * hash>}, however often the event arrives. An address two members share gets one mail.
 *
 * <p>A publication older than {@code maxAge} is not mailed: a new consumer group replays est.events from the start,
 * and nobody wants last year's weeks again.
 */
public class WeekPictureMails {

    static final String TEMPLATE = "est-week-picture";
    private static final Logger log = LoggerFactory.getLogger(WeekPictureMails.class);

    private final EstGroups groups;
    private final MailQueue mails;
    private final EstWeekMails texts;
    private final Duration maxAge;
    private final Clock clock;

    public WeekPictureMails(EstGroups groups, MailQueue mails, EstWeekMails texts, Duration maxAge, Clock clock) {
        this.groups = groups;
        this.mails = mails;
        this.texts = texts;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public void onWeekPublished(InboundEvent event, EstEvents.WeekPublished week) {
        if (week.occurredAt().isBefore(clock.instant().minus(maxAge))) {
            log.info("EST week {} {} was published at {}, too long ago to mail", week.groupId(), week.isoWeek(),
                    week.occurredAt());
            return;
        }
        // Group events come long before a group's first published week; if the group is unknown here even so, the
        // binding retries and then dead-letters the event, where it can be replayed once the group has arrived.
        EstGroup group = groups.group(week.groupId()).orElseThrow(() -> new IllegalStateException(
                "EST group " + week.groupId() + " of week report " + week.aggregateId() + " is not known yet"));
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        for (EstEvents.Member member : group.members()) {
            member.contactEmails().forEach(address ->
                    recipients.putIfAbsent(address.strip().toLowerCase(Locale.ROOT), new Recipient(address, member)));
        }
        int queued = 0;
        for (Recipient recipient : recipients.values()) {
            String reason = "Adressen är kontaktadress för " + recipient.member().name() + " i EST-gruppen "
                    + week.groupName() + ". Veckans lägesbild går till alla gruppens medlemmar när den har publicerats.";
            if (mails.enqueue(new MailRequest(MailKeys.of("est-week-picture", week.aggregateId(), recipient.address()),
                    week.organisationId(), recipient.address(), TEMPLATE,
                    model(week, recipient.member(), group.members(), reason), reason,
                    EstWeekMails.itemRef(week.groupId(), week.isoWeek()), event.id()))) {
                queued++;
            }
        }
        log.info("EST week {} {} published: {} of {} picture mail(s) queued now", week.groupId(), week.isoWeek(), queued,
                recipients.size());
    }

    private Map<String, Object> model(EstEvents.WeekPublished week, EstEvents.Member member,
            List<EstEvents.Member> members, String reason) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("groupName", week.groupName());
        model.put("memberName", member.name());
        model.put("week", EstWeekMails.weekName(week.isoWeek()));
        model.put("entryCount", week.entryCount());
        model.put("byCategory", week.byCategory().stream()
                .map(category -> Map.<String, Object>of("label", category.label(), "count", category.count())).toList());
        model.put("byArea", week.byArea().stream()
                .map(area -> Map.<String, Object>of("area", area.area(), "count", area.count())).toList());
        model.put("decisionCount", week.decisionCount());
        model.put("followUpCount", week.followUpCount());
        model.put("othersTold", EstWeekMails.othersThan(member, members));
        model.put("link", texts.link(week.groupId(), week.isoWeek()));
        model.put("reason", reason);
        return model;
    }

    private record Recipient(String address, EstEvents.Member member) {
    }
}
