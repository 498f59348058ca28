package se.trygghetsnav.notification.delivery;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import se.trygghetsnav.commons.tenancy.TenantOwned;

/**
 * One mail to one recipient, stored before it is sent and kept as the record of what was sent to whom
 * and why.
 *
 * <p>The id is the mail's deterministic key (what, which stage, which date, which recipient): storing a
 * second mail with the same key is impossible, so duplicate events, topic replays or two instances
 * cannot queue it twice. The content is rendered when queued, so a retry sends exactly the same mail.
 *
 * <p>Which mails are due is not asked of this collection (a query by status would read every mail ever stored on
 * the embedded server, which builds no non-unique index) but of the queue, {@link MailBuckets}. A dispatcher claims a
 * mail by compare-and-set on {@code claimVersion}, which the unique index {@code {_id, claimVersion}} serves on
 * every server, so two instances never both claim it.
 *
 * @param key the deterministic key (see {@link MailKeys}), e.g. {@code measure-assigned:<measureId>:<unitId>:<address hash>}
 * @param reason why the recipient gets the mail, in Swedish, as shown to them
 * @param itemRef what the mail is about, e.g. {@code plan/<planId>/measure/<measureId>}
 * @param sourceEventId the event that caused the mail
 * @param claimVersion how often the mail was claimed; a claim is valid only for the number it read
 */
@Document(OutgoingMail.COLLECTION)
@TenantOwned
@CompoundIndex(name = "claim", def = "{'_id': 1, 'claimVersion': 1}", unique = true)
@CompoundIndex(name = "recipient", def = "{'recipient': 1, 'createdAt': -1}")
public record OutgoingMail(
        @Id String key,
        String organisationId,
        String recipient,
        String subject,
        String textBody,
        String htmlBody,
        String reason,
        String itemRef,
        String sourceEventId,
        MailStatus status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant claimedAt,
        String claimedBy,
        Instant sentAt,
        String lastError,
        long claimVersion) {

    public static final String COLLECTION = "outgoing_mails";

    static OutgoingMail pending(MailRequest request, MailTemplates.Rendered mail, Instant now) {
        return new OutgoingMail(request.key(), request.organisationId(), request.recipient(), mail.subject(), mail.text(),
                mail.html(), request.reason(), request.itemRef(), request.sourceEventId(), MailStatus.PENDING, 0, now, now,
                null, null, null, null, 0);
    }
}
