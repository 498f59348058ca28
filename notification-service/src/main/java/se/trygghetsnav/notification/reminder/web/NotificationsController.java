package se.trygghetsnav.notification.reminder.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.trygghetsnav.commons.problem.ApiProblem;
import se.trygghetsnav.commons.security.Caller;
import se.trygghetsnav.notification.delivery.MailStatus;
import se.trygghetsnav.notification.delivery.OutgoingMail;
import se.trygghetsnav.notification.reminder.DeliveryFrequency;
import se.trygghetsnav.notification.reminder.EscalationStage;
import se.trygghetsnav.notification.reminder.OrganisationSettings;
import se.trygghetsnav.notification.reminder.RecipientPreference;
import se.trygghetsnav.notification.reminder.Reminder;
import se.trygghetsnav.notification.reminder.ReminderKind;
import se.trygghetsnav.notification.reminder.ReminderProperties;
import se.trygghetsnav.notification.reminder.ReminderStatus;

/**
 * "Why did I get this?": what was mailed to an address or about an item, and what is scheduled; and the
 * organisation's reminder timing and its people's digest preferences. Everything is limited to the caller's
 * organisation (tenant-scoped collections).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Notifications", description = "Mails sent and reminders scheduled, with the reason for each")
public class NotificationsController {

    private static final int LIMIT = 200;

    private final MongoTemplate mongo;
    private final ReminderProperties defaults;
    private final Clock clock;

    public NotificationsController(MongoTemplate mongo, ReminderProperties defaults, Clock clock) {
        this.mongo = mongo;
        this.defaults = defaults;
        this.clock = clock;
    }

    @GetMapping("/notifications")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Mails sent and reminders scheduled, for one address (recipient) or one measure, round or EST group (item, its id); newest first, at most 200 of each")
    public Notifications notifications(@RequestParam(required = false) @Email String recipient,
            @RequestParam(required = false) UUID item) {
        if ((recipient == null || recipient.isBlank()) == (item == null)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request");
        }
        Query mails;
        Query reminders;
        if (item != null) {
            mails = Query.query(Criteria.where("itemRef").regex(Pattern.quote(item.toString())));
            // Reminders about other things than measures and rounds (an EST group's weeks) name the item in itemRef.
            reminders = Query.query(new Criteria().orOperator(Criteria.where("measureId").is(item),
                    Criteria.where("roundId").is(item), Criteria.where("itemRef").regex(Pattern.quote(item.toString()))));
        }
        else {
            Pattern exactly = Pattern.compile("^" + Pattern.quote(recipient.strip()) + "$", Pattern.CASE_INSENSITIVE);
            mails = Query.query(Criteria.where("recipient").regex(exactly));
            reminders = Query.query(Criteria.where("recipients").regex(exactly));
        }
        List<SentMail> sent = mongo.find(mails.with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(LIMIT), OutgoingMail.class)
                .stream().map(SentMail::of).toList();
        List<ScheduledReminder> scheduled = mongo.find(reminders.with(Sort.by(Sort.Direction.DESC, "fireAt")).limit(LIMIT),
                Reminder.class).stream().map(ScheduledReminder::of).toList();
        return new Notifications(sent, scheduled);
    }

    @GetMapping("/notification-settings")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "The reminder timing in force for the caller's organisation")
    public OrganisationSettings.Effective settings(Caller caller) {
        OrganisationSettings own = mongo.findById(caller.organisationId(), OrganisationSettings.class);
        return own == null ? OrganisationSettings.defaults(defaults) : own.over(defaults);
    }

    @PutMapping("/notification-settings")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Overrides the reminder timing for the caller's organisation; a field left out takes the default. Applies to reminders scheduled from now on")
    public OrganisationSettings.Effective changeSettings(Caller caller, @Valid @RequestBody SettingsChange change) {
        mongo.save(new OrganisationSettings(caller.organisationId(), caller.organisationId(), change.longMeasureDays(), change.longLeadDays(),
                change.shortLeadDays(), change.lastReminderWorkingDays(), change.continuousCheckMonths(),
                change.roundLeadWorkingDays(), change.managerAfterWorkingDays(), change.coordinatorAfterWorkingDays(),
                change.estCutOffLeadWorkingDays()));
        return settings(caller);
    }

    @PutMapping("/recipient-preferences")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "How one address of the caller's organisation gets its reminders: IMMEDIATE, DAILY (default) or WEEKLY")
    public RecipientPreference changePreference(Caller caller, @RequestParam @NotBlank @Email String recipient,
            @Valid @RequestBody PreferenceChange change) {
        return mongo.save(new RecipientPreference(RecipientPreference.idOf(caller.organisationId(), recipient),
                caller.organisationId(), recipient.strip(), change.frequency(), clock.instant()));
    }

    /** An organisation's own timing; null fields take the defaults. */
    public record SettingsChange(
            @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(3650) Integer longMeasureDays,
            @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(365) Integer longLeadDays,
            @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(365) Integer shortLeadDays,
            @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(30) Integer lastReminderWorkingDays,
            @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(24) Integer continuousCheckMonths,
            @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(60) Integer roundLeadWorkingDays,
            @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(60) Integer managerAfterWorkingDays,
            @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(60) Integer coordinatorAfterWorkingDays,
            @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(5) Integer estCutOffLeadWorkingDays) {
    }

    public record PreferenceChange(@NotNull DeliveryFrequency frequency) {
    }

    public record Notifications(List<SentMail> mails, List<ScheduledReminder> reminders) {
    }

    /** A mail as the record shows it, without its body. */
    public record SentMail(String key, String recipient, String subject, String reason, String itemRef, MailStatus status,
            int attempts, Instant createdAt, Instant sentAt) {

        static SentMail of(OutgoingMail mail) {
            return new SentMail(mail.key(), mail.recipient(), mail.subject(), mail.reason(), mail.itemRef(), mail.status(),
                    mail.attempts(), mail.createdAt(), mail.sentAt());
        }
    }

    /** A reminder or escalation stage: what, when, and what became of it. */
    public record ScheduledReminder(String key, ReminderKind kind, EscalationStage stage, String itemRef, String title,
            LocalDate dueDate, Instant fireAt, ReminderStatus status, List<String> recipients, Instant firedAt,
            String cancelReason) {

        static ScheduledReminder of(Reminder reminder) {
            return new ScheduledReminder(reminder.key(), reminder.kind(), reminder.stage(), reminder.itemRef(),
                    reminder.title(), reminder.dueDate(), reminder.fireAt(), reminder.status(), reminder.recipients(),
                    reminder.firedAt(), reminder.cancelReason());
        }
    }
}
