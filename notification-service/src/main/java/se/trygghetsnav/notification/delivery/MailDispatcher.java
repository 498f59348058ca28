package se.trygghetsnav.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import se.trygghetsnav.commons.tenancy.TenantScope;

/**
 * Sends the queued mails that are due. Each mail is first claimed with one atomic update, so two
 * instances never send the same mail; a mail the SMTP server refused stays pending and is retried with
 * growing waits until the server takes it. Only a crash between the server's acceptance and the
 * "sent" mark (a few milliseconds) can send a mail twice, after the claim timeout. Mails of every
 * organisation go out here, so it runs in the system's tenant scope.
 */
public class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    /**
     * Mails sent over one SMTP connection before it is renewed. A connection per mail (what JavaMailSender does per
     * send) cost about 50 ms each in the benchmark, five times the rest of a mail's work.
     */
    static final int MAILS_PER_CONNECTION = 100;

    private final MongoOperations mongo;
    private final JavaMailSender mailSender;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final String instanceId = UUID.randomUUID().toString();
    private final Counter sent;
    private final Counter failedAttempts;
    private final MailFailureListener failureListener;

    public MailDispatcher(MongoOperations mongo, JavaMailSender mailSender, DeliveryProperties properties, Clock clock,
            MeterRegistry meters) {
        this(mongo, mailSender, properties, clock, meters, (mail, attempts, failure) -> { });
    }

    public MailDispatcher(MongoOperations mongo, JavaMailSender mailSender, DeliveryProperties properties, Clock clock,
            MeterRegistry meters, MailFailureListener failureListener) {
        this.failureListener = failureListener;
        this.mongo = mongo;
        this.mailSender = mailSender;
        this.properties = properties;
        this.clock = clock;
        this.sent = Counter.builder("trygghetsnav.notification.mails.sent")
                .description("Mails accepted by the SMTP server").register(meters);
        this.failedAttempts = Counter.builder("trygghetsnav.notification.mails.failed.attempts")
                .description("Attempts to send a mail that the SMTP server did not accept").register(meters);
    }

    /**
     * Sends every due mail, oldest first. Stops at the first refusal (the server is likely down for all of
     * them) by throwing, so the worker backs off.
     *
     * @return how many mails the server accepted
     */
    public int dispatchDue() {
        return TenantScope.callAsSystem(this::dispatchDueMails);
    }

    private int dispatchDueMails() {
        releaseAbandonedClaims();
        int accepted = 0;
        try (SmtpConnection connection = new SmtpConnection(mailSender, MAILS_PER_CONNECTION)) {
            OutgoingMail mail;
            while ((mail = claimNext()) != null) {
                try {
                    connection.send(message(mail));
                }
                catch (MailException | MessagingException ex) {
                    scheduleRetry(mail, ex);
                    throw new IllegalStateException("SMTP server refused mail " + mail.key(), ex);
                }
                markSent(mail);
                accepted++;
            }
        }
        return accepted;
    }

    private OutgoingMail claimNext() {
        Instant now = clock.instant();
        Query due = Query.query(Criteria.where("status").is(MailStatus.PENDING).and("nextAttemptAt").lte(now))
                .with(Sort.by("nextAttemptAt"));
        return mongo.findAndModify(due,
                new Update().set("status", MailStatus.SENDING).set("claimedAt", now).set("claimedBy", instanceId),
                FindAndModifyOptions.options().returnNew(true), OutgoingMail.class);
    }

    private MimeMessage message(OutgoingMail mail) throws MessagingException {
        MimeMessage message = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.textBody(), mail.htmlBody());
        message.setHeader("X-Trygghetsnav-Mail-Key", mail.key());
        return message;
    }

    private void markSent(OutgoingMail mail) {
        mongo.updateFirst(mine(mail), new Update().set("status", MailStatus.SENT).set("sentAt", clock.instant())
                .set("attempts", mail.attempts() + 1).unset("claimedBy").unset("lastError"), OutgoingMail.class);
        sent.increment();
        log.info("Mail {} sent", mail.key());
    }

    private void scheduleRetry(OutgoingMail mail, Exception failure) {
        int attempts = mail.attempts() + 1;
        Duration wait = backoff(attempts);
        mongo.updateFirst(mine(mail), new Update().set("status", MailStatus.PENDING).set("attempts", attempts)
                .set("nextAttemptAt", clock.instant().plus(wait)).set("lastError", String.valueOf(failure.getMessage()))
                .unset("claimedBy"), OutgoingMail.class);
        failedAttempts.increment();
        failureListener.refused(mail, attempts, failure);
        log.warn("Mail {} not accepted (attempt {}), next attempt in {}: {}", mail.key(), attempts, wait,
                failure.getMessage());
    }

    /** Claims of an instance that died mid-send go back to the queue after the claim timeout. */
    private void releaseAbandonedClaims() {
        Instant abandoned = clock.instant().minus(properties.claimTimeout());
        mongo.updateMulti(Query.query(Criteria.where("status").is(MailStatus.SENDING).and("claimedAt").lt(abandoned)),
                new Update().set("status", MailStatus.PENDING).unset("claimedBy"), OutgoingMail.class);
    }

    Duration backoff(int attempts) {
        Duration wait = properties.retryInitial();
        for (int i = 1; i < attempts && wait.compareTo(properties.retryMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.retryMax()) < 0 ? wait : properties.retryMax();
    }

    private Query mine(OutgoingMail mail) {
        return Query.query(Criteria.where("_id").is(mail.key()).and("status").is(MailStatus.SENDING)
                .and("claimedBy").is(instanceId));
    }
}
