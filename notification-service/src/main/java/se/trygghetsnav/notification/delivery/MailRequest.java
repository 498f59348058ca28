package se.trygghetsnav.notification.delivery;

import java.util.Map;

/**
 * A mail to queue: which template, with what, to whom, and why.
 *
 * @param key deterministic key; the same key is only ever queued once
 * @param template the template name under {@code templates/mail/}: {@code <template>.subject.txt},
 *        {@code <template>.txt} and {@code <template>.html}
 */
public record MailRequest(String key, String organisationId, String recipient, String template,
        Map<String, Object> model, String reason, String itemRef, String sourceEventId) {
}
