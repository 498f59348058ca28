package se.trygghetsnav.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;

/** The body of a mail with a text and an HTML version (the benchmark's baseline builds its messages the same way). */
public final class MailBodies {

    private MailBodies() {
    }

    /**
     * The two versions as one multipart/alternative, text first (the client shows the last one it can), both UTF-8
     * and quoted-printable: Swedish text is mostly ASCII, and lines stay within what SMTP allows.
     */
    public static MimeMultipart alternative(String text, String html) throws MessagingException {
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(part(text, "text/plain; charset=UTF-8"));
        alternative.addBodyPart(part(html, "text/html; charset=UTF-8"));
        return alternative;
    }

    private static MimeBodyPart part(String content, String type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(content, type);
        part.setHeader("Content-Type", type);
        part.setHeader("Content-Transfer-Encoding", "quoted-printable");
        return part;
    }
}
