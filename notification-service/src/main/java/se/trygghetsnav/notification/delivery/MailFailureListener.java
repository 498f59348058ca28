package se.trygghetsnav.notification.delivery;

/** Told each time the mail server refuses a mail. */
public interface MailFailureListener {

    void refused(OutgoingMail mail, int attempts, Exception failure);
}
