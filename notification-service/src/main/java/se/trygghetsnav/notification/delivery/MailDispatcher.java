package se.trygghetsnav.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.javamail.JavaMailSender;

import se.trygghetsnav.commons.tenancy.TenantScope;

/**
 * Sends the queued mails that are due, a batch at a time over a few SMTP connections at once.
 *
 * <p>Exactly once, at two levels. A dispatcher first leases a queue bucket ({@link MailBuckets}), so instances work
 * on different buckets; then it claims the bucket's due mails in one round trip, each by compare-and-set on its
 * {@code claimVersion}, so a mail listed twice (two racing enqueues, a crash while moving it for a retry) or a
 * bucket taken over after its lease ran out is still sent by one claimant only. Each round trip serves a batch and
 * every query is by {@code _id} (or the unique {@code {_id, claimVersion}}), so a mail's cost does not grow with the
 * mails stored.
 *
 * <p>A mail the SMTP server refused stays pending with growing waits (it moves to the bucket of its next attempt)
 * until the server takes it; the pass then stops and throws, so the worker backs off. Claims and leases of an
 * instance that died run out after the claim timeout and are taken over. Only a crash between the server's
 * acceptance and the "sent" mark (a batch's sends, well under a second) can send a mail twice. Mails of every
 * organisation go out here, so it runs in the system's tenant scope.
 */
public class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    /**
     * Mails sent over one SMTP connection before it is renewed. A connection per mail (what JavaMailSender does per
     * send) cost about 50 ms each in the benchmark, five times the rest of a mail's work.
     */
    static final int MAILS_PER_CONNECTION = 100;
    /**
     * Handled keys taken off their bucket together rather than after each batch: each removal rewrites the bucket,
     * which in a burst lists thousands of keys (the embedded server's cost of an update grows with the document). A
     * crash in between leaves handled keys listed; the next lease finds their mails sent and drops them.
     */
    static final int BUCKET_REMOVALS_AT_ONCE = 1_000;
    /** A batch is started only while the bucket's lease has at least this long to run (or half of it, if shorter). */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final MongoOperations mongo;
    private final JavaMailSender mailSender;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final MailBuckets buckets;
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
        this.buckets = new MailBuckets(mongo);
        this.sent = Counter.builder("trygghetsnav.notification.mails.sent")
                .description("Mails accepted by the SMTP server").register(meters);
        this.failedAttempts = Counter.builder("trygghetsnav.notification.mails.failed.attempts")
                .description("Attempts to send a mail that the SMTP server did not accept").register(meters);
    }

    /**
     * Sends every due mail, oldest bucket first. Stops at the first refusal (the server is likely down for all of
     * them) by throwing, so the worker backs off.
     *
     * @return how many mails the server accepted
     */
    public int dispatchDue() {
        return TenantScope.callAsSystem(this::dispatchDueMails);
    }

    private int dispatchDueMails() {
        int accepted = 0;
        try (Connections connections = new Connections(Math.max(1, properties.smtpConnections()))) {
            for (MailBuckets.Bucket bucket : buckets.due(clock.instant())) {
                Instant now = clock.instant();
                if (!bucket.leasable(now)) {
                    continue;
                }
                Instant leaseUntil = now.plus(properties.claimTimeout());
                List<String> keys = buckets.lease(bucket.id(), instanceId, now, leaseUntil);
                if (keys != null) {
                    accepted += drain(bucket, keys, leaseUntil, connections);
                }
            }
        }
        return accepted;
    }

    /** Sends the bucket's due mails batch by batch while its lease lasts, then gives the lease up. */
    private int drain(MailBuckets.Bucket bucket, List<String> keys, Instant leaseUntil, Connections connections) {
        int accepted = 0;
        Set<String> done = new LinkedHashSet<>();
        try {
            for (int i = 0; i < keys.size(); i += properties.batchSize()) {
                Duration margin = properties.claimTimeout().dividedBy(2).compareTo(LEASE_MARGIN) < 0
                        ? properties.claimTimeout().dividedBy(2) : LEASE_MARGIN;
                if (clock.instant().plus(margin).isAfter(leaseUntil)) {
                    break; // the rest waits for the next lease rather than risk sending after this one ran out
                }
                Claim claim = claim(bucket, keys.subList(i, Math.min(keys.size(), i + properties.batchSize())));
                Sends sends = connections.send(claim.mails());
                markSent(sends.accepted());
                done.addAll(claim.done());
                sends.accepted().forEach(mail -> done.add(mail.key()));
                sends.refused().forEach((mail, failure) -> done.add(scheduleRetry(mail, failure)));
                release(sends.notTried());
                if (done.size() >= BUCKET_REMOVALS_AT_ONCE) {
                    buckets.remove(bucket.id(), done);
                    done.clear();
                }
                accepted += sends.accepted().size();
                if (!sends.refused().isEmpty()) {
                    Map.Entry<OutgoingMail, Exception> first = sends.refused().entrySet().iterator().next();
                    throw new IllegalStateException("SMTP server refused mail " + first.getKey().key(), first.getValue());
                }
            }
        }
        finally {
            buckets.remove(bucket.id(), done);
            buckets.release(bucket.id(), instanceId);
        }
        return accepted;
    }

    /** The batch's mails this call claimed, and the keys the bucket need not list any more. */
    private record Claim(List<OutgoingMail> mails, Set<String> done) {
    }

    private Claim claim(MailBuckets.Bucket bucket, List<String> keys) {
        Instant now = clock.instant();
        Map<String, OutgoingMail> found = new LinkedHashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(keys)), OutgoingMail.class).forEach(mail -> found.put(mail.key(), mail));
        Set<String> done = new LinkedHashSet<>();
        List<OutgoingMail> candidates = new ArrayList<>();
        for (String key : keys) {
            OutgoingMail mail = found.get(key);
            if (mail == null) {
                // Listed and not stored: being stored right now (MailQueue lists first), or never, after a crash. Only
                // once the bucket is older than any enqueue can take is it the crash.
                if (bucket.due().isBefore(now.minus(properties.claimTimeout()))) {
                    done.add(key);
                }
            }
            else if (mail.status() == MailStatus.SENT) {
                done.add(key); // sent through another listing
            }
            else if (mail.status() == MailStatus.PENDING && mail.nextAttemptAt().isAfter(now)) {
                // Waiting for a retry: make sure the bucket of its next attempt lists it, then it is done here.
                buckets.add(buckets.minuteFor(mail.nextAttemptAt(), now), key);
                done.add(key);
            }
            else if (mail.status() == MailStatus.PENDING
                    || mail.claimedAt() == null || mail.claimedAt().isBefore(now.minus(properties.claimTimeout()))) {
                candidates.add(mail); // due, or claimed by an instance that never finished
            }
            // else: being sent by another instance right now; the bucket keeps it until that is settled.
        }
        if (candidates.isEmpty()) {
            return new Claim(List.of(), done);
        }
        String token = instanceId + "/" + UUID.randomUUID();
        BulkOperations claims = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, OutgoingMail.class);
        for (OutgoingMail mail : candidates) {
            claims.updateOne(Query.query(Criteria.where("_id").is(mail.key()).and("claimVersion").is(mail.claimVersion())),
                    new Update().set("status", MailStatus.SENDING).set("claimedAt", now).set("claimedBy", token)
                            .inc("claimVersion", 1));
        }
        if (claims.execute().getModifiedCount() == candidates.size()) {
            return new Claim(candidates, done);
        }
        // Someone else claimed some of them in between: keep only those that carry this claim's token.
        Query mine = Query.query(Criteria.where("_id").in(candidates.stream().map(OutgoingMail::key).toList()));
        mine.fields().include("_id", "claimedBy");
        Set<String> claimed = new LinkedHashSet<>();
        mongo.find(mine, org.bson.Document.class, OutgoingMail.COLLECTION).stream()
                .filter(mail -> token.equals(mail.getString("claimedBy"))).forEach(mail -> claimed.add(mail.getString("_id")));
        return new Claim(candidates.stream().filter(mail -> claimed.contains(mail.key())).toList(), done);
    }

    /** What became of a batch's sends. */
    private record Sends(List<OutgoingMail> accepted, Map<OutgoingMail, Exception> refused, List<OutgoingMail> notTried) {
    }

    /**
     * The pass's SMTP connections: a batch is split over them and sent at once, one virtual thread per connection. The
     * first refusal stops the others before their next mail.
     */
    private final class Connections implements AutoCloseable {

        private final List<SmtpConnection> open = new ArrayList<>();

        Connections(int count) {
            for (int i = 0; i < count; i++) {
                open.add(new SmtpConnection(mailSender, MAILS_PER_CONNECTION));
            }
        }

        Sends send(List<OutgoingMail> mails) {
            List<OutgoingMail> accepted = Collections.synchronizedList(new ArrayList<>());
            Map<OutgoingMail, Exception> refused = Collections.synchronizedMap(new LinkedHashMap<>());
            List<OutgoingMail> notTried = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean stop = new AtomicBoolean();
            int lanes = Math.min(open.size(), mails.size());
            if (lanes <= 1) {
                sendAll(open.getFirst(), mails, accepted, refused, notTried, stop);
            }
            else {
                try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int lane = 0; lane < lanes; lane++) {
                        List<OutgoingMail> share = new ArrayList<>();
                        for (int i = lane; i < mails.size(); i += lanes) {
                            share.add(mails.get(i));
                        }
                        SmtpConnection connection = open.get(lane);
                        senders.submit(() -> sendAll(connection, share, accepted, refused, notTried, stop));
                    }
                }
            }
            return new Sends(accepted, refused, notTried);
        }

        private void sendAll(SmtpConnection connection, List<OutgoingMail> mails, List<OutgoingMail> accepted,
                Map<OutgoingMail, Exception> refused, List<OutgoingMail> notTried, AtomicBoolean stop) {
            for (OutgoingMail mail : mails) {
                if (stop.get()) {
                    notTried.add(mail);
                    continue;
                }
                try {
                    connection.send(message(mail));
                    accepted.add(mail);
                }
                catch (MessagingException | RuntimeException ex) { // MailException, or the server dropping the line
                    refused.put(mail, ex);
                    stop.set(true);
                }
            }
        }

        @Override
        public void close() {
            open.forEach(SmtpConnection::close);
        }
    }

    /**
     * The mail as one multipart/alternative of its text and HTML: what a text-and-HTML mail needs, and one level of
     * parts for the server and the reader's client to parse where Spring's helper nests three. The transfer encoding
     * is given, so it is not chosen by scanning each body.
     */
    private MimeMessage message(OutgoingMail mail) throws MessagingException {
        MimeMessage message = mailSender.createMimeMessage();
        message.setFrom(InternetAddress.parse(properties.from())[0]);
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.recipient()));
        message.setSubject(mail.subject(), "UTF-8");
        message.setContent(MailBodies.alternative(mail.textBody(), mail.htmlBody()));
        message.setHeader("X-Trygghetsnav-Mail-Key", mail.key());
        return message;
    }

    /** One round trip for the batch, by {@code _id}; only this claim's holder sends, so no further guard is needed. */
    private void markSent(List<OutgoingMail> mails) {
        if (mails.isEmpty()) {
            return;
        }
        mongo.updateMulti(Query.query(Criteria.where("_id").in(mails.stream().map(OutgoingMail::key).toList())),
                new Update().set("status", MailStatus.SENT).set("sentAt", clock.instant()).inc("attempts", 1)
                        .unset("claimedBy").unset("lastError"), OutgoingMail.class);
        sent.increment(mails.size());
        mails.forEach(mail -> log.info("Mail {} sent", mail.key()));
    }

    /**
     * Stores the next attempt and lists the mail in that attempt's bucket (so the current bucket may drop it).
     *
     * @return the mail's key
     */
    private String scheduleRetry(OutgoingMail mail, Exception failure) {
        int attempts = mail.attempts() + 1;
        Duration wait = backoff(attempts);
        Instant now = clock.instant();
        Instant next = now.plus(wait);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(mail.key())), new Update().set("status", MailStatus.PENDING)
                .set("attempts", attempts).set("nextAttemptAt", next).set("lastError", String.valueOf(failure.getMessage()))
                .unset("claimedBy"), OutgoingMail.class);
        buckets.add(buckets.minuteFor(next, now), mail.key());
        failedAttempts.increment();
        failureListener.refused(mail, attempts, failure);
        log.warn("Mail {} not accepted (attempt {}), next attempt in {}: {}", mail.key(), attempts, wait,
                failure.getMessage());
        return mail.key();
    }

    /** Claimed mails a refusal kept from being tried go back to pending at once; their bucket still lists them. */
    private void release(List<OutgoingMail> mails) {
        if (!mails.isEmpty()) {
            mongo.updateMulti(Query.query(Criteria.where("_id").in(mails.stream().map(OutgoingMail::key).toList())),
                    new Update().set("status", MailStatus.PENDING).unset("claimedBy"), OutgoingMail.class);
        }
    }

    Duration backoff(int attempts) {
        Duration wait = properties.retryInitial();
        for (int i = 1; i < attempts && wait.compareTo(properties.retryMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.retryMax()) < 0 ? wait : properties.retryMax();
    }
}
