package se.trygghetsnav.notification.delivery;

import java.util.Date;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection for a dispatcher pass's mails, renewed every {@code mailsPerConnection} mails. With a
 * {@link JavaMailSenderImpl} (Spring Boot's) it sends over its session with its host, port and credentials; any
 * other sender sends each mail itself. A mail that fails on a connection that has already carried mails is tried
 * once more on a new connection (the server may have closed an idle one); a failure on a fresh one is the server's
 * refusal and goes to the caller.
 */
final class SmtpConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmtpConnection.class);

    private final JavaMailSender sender;
    private final int mailsPerConnection;
    private Transport transport;
    private int sentOnThis;

    SmtpConnection(JavaMailSender sender, int mailsPerConnection) {
        this.sender = sender;
        this.mailsPerConnection = mailsPerConnection;
    }

    void send(MimeMessage message) throws MessagingException {
        if (!(sender instanceof JavaMailSenderImpl impl)) {
            sender.send(message);
            return;
        }
        if (message.getSentDate() == null) {
            message.setSentDate(new Date());
        }
        message.saveChanges();
        if (transport != null && sentOnThis >= mailsPerConnection) {
            close();
        }
        boolean fresh = transport == null;
        try {
            connected(impl).sendMessage(message, message.getAllRecipients());
        }
        catch (MessagingException failed) {
            close();
            if (fresh) {
                throw failed;
            }
            log.debug("Send failed on a used SMTP connection, trying a new one: {}", failed.getMessage());
            connected(impl).sendMessage(message, message.getAllRecipients());
        }
        sentOnThis++;
    }

    private Transport connected(JavaMailSenderImpl impl) throws MessagingException {
        if (transport == null) {
            Transport opened = impl.getSession().getTransport(impl.getProtocol() == null ? "smtp" : impl.getProtocol());
            opened.connect(impl.getHost(), impl.getPort(), impl.getUsername(), impl.getPassword());
            transport = opened;
            sentOnThis = 0;
        }
        return transport;
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            }
            catch (MessagingException ignored) {
                // The mails it carried were accepted already; nothing depends on a clean QUIT.
            }
            transport = null;
        }
    }
}
