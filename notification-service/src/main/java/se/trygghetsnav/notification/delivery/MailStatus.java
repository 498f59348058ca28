package se.trygghetsnav.notification.delivery;

/** Where a mail is on its way out. */
public enum MailStatus {
    /** Waiting to be sent, or to be retried after a failed attempt. */
    PENDING,
    /** Claimed by one instance, being handed to the SMTP server. */
    SENDING,
    /** Accepted by the SMTP server. */
    SENT
}
