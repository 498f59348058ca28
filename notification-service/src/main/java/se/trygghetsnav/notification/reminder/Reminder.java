package se.trygghetsnav.notification.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import se.trygghetsnav.commons.tenancy.TenantOwned;

/**
 * One scheduled reminder or escalation stage. The id is its deterministic key (what, which stage, which due
 * date), e.g. {@code measure:<id>:due-first:2026-05-31} or {@code overdue:<measureId>:2025-07-01:manager}: an
 * event delivered twice or replayed schedules the same key, which exists already, so nothing is scheduled twice.
 *
 * @param itemKey the item whose reminders it belongs to, e.g. {@code measure:<id>}; cancelling an item cancels them all
 * @param itemRef what the mail links to, e.g. {@code plan/<planId>/measure/<measureId>}
 * @param fireAt when it goes out (in office hours of a working day)
 * @param slot the fire-time slot it is listed in ({@link ReminderSlots})
 * @param unitIds the units it concerns; who is told follows from the kind and the stage
 * @param measures for a round reminder: the unit's measures of the round, as {@code id|title}
 * @param recipients the addresses told, once fired
 */
@Document("reminders")
@TenantOwned
// The dispatcher claims and settles reminders by id and status: on the embedded server, which uses an index only for
// exactly its keys, without this index each claim read every reminder stored.
@CompoundIndex(name = "status", def = "{'_id': 1, 'status': 1}", unique = true)
public record Reminder(
        @Id String key,
        String organisationId,
        ReminderKind kind,
        EscalationStage stage,
        String itemKey,
        String itemRef,
        Instant fireAt,
        String slot,
        ReminderStatus status,
        LocalDate dueDate,
        String title,
        String planTitle,
        UUID planId,
        UUID measureId,
        UUID roundId,
        List<UUID> unitIds,
        List<String> measures,
        List<String> recipients,
        String sourceEventId,
        Instant createdAt,
        Instant claimedAt,
        Instant firedAt,
        Instant cancelledAt,
        String cancelReason) {

    public Reminder withSchedule(Instant fireAt, String slot) {
        return new Reminder(key, organisationId, kind, stage, itemKey, itemRef, fireAt, slot, status, dueDate, title,
                planTitle, planId, measureId, roundId, unitIds, measures, recipients, sourceEventId, createdAt, claimedAt,
                firedAt, cancelledAt, cancelReason);
    }

    /** A new reminder, not yet placed in a slot. */
    public static Reminder scheduled(String key, String organisationId, ReminderKind kind, EscalationStage stage,
            String itemKey, String itemRef, LocalDate dueDate, String title, String planTitle, UUID planId,
            UUID measureId, UUID roundId, List<UUID> unitIds, List<String> measures, String sourceEventId, Instant now) {
        return new Reminder(key, organisationId, kind, stage, itemKey, itemRef, null, null, ReminderStatus.SCHEDULED,
                dueDate, title, planTitle, planId, measureId, roundId, unitIds, measures, List.of(), sourceEventId, now,
                null, null, null, null);
    }
}
