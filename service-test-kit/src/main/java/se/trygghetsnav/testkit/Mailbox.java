package se.trygghetsnav.testkit;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;

/** What reached the test SMTP server (GreenMail), by recipient. */
public final class Mailbox {

    private Mailbox() {
    }

    /** Every message received so far with {@code address} among its recipients. */
    public static List<MimeMessage> messagesTo(String address) {
        GreenMail greenMail = TestInfrastructure.get().greenMail();
        return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> isTo(message, address)).toList();
    }

    /** Waits until at least {@code count} messages reached {@code address}; returns all of them. */
    public static List<MimeMessage> awaitMessagesTo(String address, int count, Duration timeout) {
        return Awaitility.await("mail to " + address).atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> messagesTo(address), messages -> messages.size() >= count);
    }

    /** The decoded plain-text part of a mail. */
    public static String textOf(MimeMessage message) {
        return part(message, "text/plain");
    }

    /** The decoded HTML part of a mail. */
    public static String htmlOf(MimeMessage message) {
        return part(message, "text/html");
    }

    private static String part(Part part, String mimeType) {
        try {
            if (part.isMimeType(mimeType)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = part(multipart.getBodyPart(i), mimeType);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
        catch (MessagingException | IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients)
                    .anyMatch(recipient -> recipient.toString().toLowerCase().contains(address.toLowerCase()));
        }
        catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
