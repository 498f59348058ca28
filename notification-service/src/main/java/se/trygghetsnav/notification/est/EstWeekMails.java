package se.trygghetsnav.notification.est;

import java.net.URI;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import se.trygghetsnav.notification.calendar.WorkingCalendar;

/** What the EST mails share: which week they are about, how they name it in Swedish, and where they link to. */
public class EstWeekMails {

    private static final DateTimeFormatter SWEDISH_MOMENT = DateTimeFormatter
            .ofPattern("EEEE d MMMM yyyy 'kl.' HH:mm", Locale.forLanguageTag("sv-SE"));

    private final URI estServiceUrl;

    public EstWeekMails(URI estServiceUrl) {
        this.estServiceUrl = estServiceUrl;
    }

    /** The week in est-lagesbild-service's API, for the group's members to open. */
    public String link(UUID groupId, String isoWeek) {
        return estServiceUrl + "/api/v1/est-groups/" + groupId + "/weeks/" + isoWeek;
    }

    /**
     * What a mail or reminder is about, {@code est-group/<groupId>/week/<isoWeek>}: "why did I get this?" finds them
     * by the group's id.
     */
    public static String itemRef(UUID groupId, String isoWeek) {
        return "est-group/" + groupId + "/week/" + isoWeek;
    }

    /** "vecka 47 2026". */
    public static String weekName(String isoWeek) {
        return "vecka " + IsoWeeks.number(isoWeek) + " " + IsoWeeks.monday(isoWeek).getYear();
    }

    /** "måndag 23 november 2026 kl. 12:00" in Swedish time. */
    public static String moment(ZonedDateTime moment) {
        return SWEDISH_MOMENT.format(moment.withZoneSameInstant(WorkingCalendar.STOCKHOLM));
    }

    /** The names of the members other than {@code member}, as "who else got it" lists them. */
    public static List<String> othersThan(EstEvents.Member member, List<EstEvents.Member> members) {
        return members.stream().filter(other -> !other.memberId().equals(member.memberId()))
                .map(EstEvents.Member::name).toList();
    }
}
