package se.trygghetsnav.notification.reminder;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import se.trygghetsnav.notification.contacts.ContactDirectory;
import se.trygghetsnav.notification.contacts.PlanContact;
import se.trygghetsnav.notification.contacts.UnitContact;

/**
 * Who a reminder reaches and what it tells each of them, in Swedish: why the mail came, what is due when, who else
 * was told, and a link to the item.
 */
public class ReminderMessages {

    static final DateTimeFormatter SWEDISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("sv-SE"));

    private final ContactDirectory contacts;
    private final ReminderSchedule schedule;
    private final URI planServiceUrl;
    private final URI followupServiceUrl;

    public ReminderMessages(ContactDirectory contacts, ReminderSchedule schedule, URI planServiceUrl,
            URI followupServiceUrl) {
        this.contacts = contacts;
        this.schedule = schedule;
        this.planServiceUrl = planServiceUrl;
        this.followupServiceUrl = followupServiceUrl;
    }

    /** One address told by a reminder, with its own notice. */
    public record Recipient(String address, Map<String, Object> notice) {
    }

    /** Everyone the reminder reaches now; empty when nobody needs it any more or nobody can be reached. */
    public List<Recipient> recipients(Reminder reminder) {
        return recipients(reminder, contacts.units(unitIdsOf(reminder)));
    }

    /** The same, with the units looked up beforehand (for many reminders at once). */
    List<Recipient> recipients(Reminder reminder, Map<UUID, UnitContact> knownUnits) {
        return recipients(reminder, unitIdsOf(reminder).stream().distinct().map(knownUnits::get)
                .filter(java.util.Objects::nonNull).toList());
    }

    static List<UUID> unitIdsOf(Reminder reminder) {
        return reminder.unitIds() == null ? List.of() : reminder.unitIds();
    }

    private List<Recipient> recipients(Reminder reminder, List<UnitContact> units) {
        String measures = "";
        if (reminder.kind() == ReminderKind.ROUND_DUE) {
            List<String> missing = new ArrayList<>();
            for (String measure : reminder.measures()) {
                String[] idAndTitle = measure.split("\\|", 2);
                if (!schedule.reported(reminder.roundId(), UUID.fromString(idAndTitle[0]))) {
                    missing.add(idAndTitle[1]);
                }
            }
            if (missing.isEmpty()) {
                return List.of();
            }
            measures = String.join("; ", missing);
        }
        String missingMeasures = measures;
        EscalationStage stage = reminder.stage() == null ? EscalationStage.UNIT : reminder.stage();
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        List<String> unitNames = units.stream().map(UnitContact::displayName).toList();
        switch (stage) {
            case UNIT -> {
                for (UnitContact unit : units) {
                    List<String> others = unitNames.stream().filter(name -> !name.equals(unit.displayName())).toList();
                    for (String address : unit.contactEmails()) {
                        byAddress.putIfAbsent(key(address), new Recipient(address, notice(reminder, measures,
                                "Adressen är kontaktadress för " + unit.displayName() + ", som är ansvarig. "
                                        + why(reminder), others)));
                    }
                }
            }
            case MANAGER -> {
                for (UnitContact unit : units) {
                    if (unit.managerEmail() != null && !unit.managerEmail().isBlank()) {
                        byAddress.putIfAbsent(key(unit.managerEmail()), new Recipient(unit.managerEmail(), notice(reminder,
                                measures, "Du är chef för " + unit.displayName() + ". Enheten har redan fått besked utan att "
                                        + "ärendet har lösts, därför går det vidare till dig. " + why(reminder),
                                List.of("kontaktadresserna för " + unit.displayName()))));
                    }
                }
            }
            case COORDINATOR -> {
                Optional<PlanContact> plan = contacts.coordinatorOf(reminder.planId(), reminder.measureId());
                plan.ifPresent(coordinator -> {
                    List<String> others = new ArrayList<>();
                    unitNames.forEach(name -> others.add("kontaktadresserna och chefen för " + name));
                    byAddress.put(key(coordinator.coordinatorEmail()), new Recipient(coordinator.coordinatorEmail(),
                            notice(reminder, missingMeasures, "Du är samordnare för planen " + coordinator.title()
                                    + ". Ansvarig enhet och dess chef har redan fått besked utan att ärendet har lösts. "
                                    + why(reminder), others)));
                });
            }
        }
        return List.copyOf(byAddress.values());
    }

    private static String key(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    private static String why(Reminder reminder) {
        return switch (reminder.kind()) {
            case MEASURE_DUE_FIRST -> "Den första påminnelsen går ut en tid före åtgärdens slutdatum.";
            case MEASURE_DUE_LAST -> "Den sista påminnelsen går ut arbetsdagen före slutdatum.";
            case MEASURE_STILL_ACTIVE -> "Löpande åtgärder stäms av med jämna mellanrum.";
            case ROUND_DUE -> "Påminnelsen går till enheter vars uppföljningsrapporter saknas inför sista dag.";
            case MEASURE_OVERDUE -> "Försenade åtgärder eskaleras: först enheten, sedan chefen, sist planens samordnare.";
            case REPORT_MISSING -> "Saknade uppföljningsrapporter eskaleras: först enheten, sedan chefen, sist planens samordnare.";
            case EST_CUT_OFF -> throw new IllegalStateException("EST cut-off reminders are told by their own ReminderFiring");
        };
    }

    /** The notice shown for one reminder (strings and lists only, so it can be stored in a digest as is). */
    Map<String, Object> notice(Reminder reminder, String measures, String reason, List<String> othersTold) {
        String due = reminder.dueDate() == null ? "" : SWEDISH_DATE.format(reminder.dueDate());
        String headline = switch (reminder.kind()) {
            case MEASURE_DUE_FIRST -> "Åtgärden ska vara genomförd senast " + due + ".";
            case MEASURE_DUE_LAST -> "Sista påminnelsen: åtgärden ska vara genomförd senast " + due + ".";
            case MEASURE_STILL_ACTIVE -> "Åtgärden är löpande. Pågår den fortfarande? Avstämning " + due + ".";
            case ROUND_DUE -> "Uppföljningen ska lämnas senast " + due + ". Rapport saknas för: " + measures + ".";
            case MEASURE_OVERDUE -> "Åtgärden är försenad: den skulle ha varit genomförd senast " + due + ".";
            case REPORT_MISSING -> "Uppföljningsrapporten saknas: den skulle ha lämnats senast " + due + ".";
            case EST_CUT_OFF -> throw new IllegalStateException("EST cut-off reminders are told by their own ReminderFiring");
        };
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("key", reminder.key());
        notice.put("kind", reminder.kind().name());
        notice.put("subject", subjectPrefix(reminder) + ": " + reminder.title());
        notice.put("headline", headline);
        notice.put("title", reminder.title());
        notice.put("planTitle", reminder.planTitle() == null ? "" : reminder.planTitle());
        notice.put("dueDate", due);
        notice.put("reason", reason);
        notice.put("othersTold", List.copyOf(othersTold));
        notice.put("link", link(reminder));
        notice.put("escalation", reminder.kind().escalation());
        return notice;
    }

    static String subjectPrefix(Reminder reminder) {
        return switch (reminder.kind()) {
            case MEASURE_DUE_FIRST -> "Påminnelse";
            case MEASURE_DUE_LAST -> "Sista påminnelse";
            case MEASURE_STILL_ACTIVE -> "Pågår åtgärden fortfarande?";
            case ROUND_DUE -> "Uppföljning saknas";
            case MEASURE_OVERDUE -> reminder.stage() == EscalationStage.UNIT ? "Försenad åtgärd" : "Eskalering: försenad åtgärd";
            case REPORT_MISSING -> reminder.stage() == EscalationStage.UNIT ? "Uppföljningsrapport saknas"
                    : "Eskalering: uppföljningsrapport saknas";
            case EST_CUT_OFF -> throw new IllegalStateException("EST cut-off reminders are told by their own ReminderFiring");
        };
    }

    String link(Reminder reminder) {
        if (reminder.kind() == ReminderKind.ROUND_DUE || reminder.kind() == ReminderKind.REPORT_MISSING) {
            return followupServiceUrl + "/api/v1/rounds/" + reminder.roundId();
        }
        return planServiceUrl + "/api/v1/plans/" + reminder.planId() + "/measures/" + reminder.measureId();
    }

    static String formatted(LocalDate day) {
        return SWEDISH_DATE.format(day);
    }
}
