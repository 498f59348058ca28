package se.trygghetsnav.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSender;

import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.notification.testing.TestClock;
import se.trygghetsnav.testkit.Mailbox;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail queue's claims: leases that run out, and two instances on the same mails. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class MailDispatchIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MailQueue mailQueue;

    @Autowired
    MailDispatcher mailDispatcher;

    @Autowired
    JavaMailSender mailSender;

    @Autowired
    DeliveryProperties properties;

    @Autowired
    Clock clock;

    @AfterEach
    void backToTheStart() {
        TestClock.setToday(LocalDate.of(2026, 1, 15));
    }

    @Test
    void aMailClaimedByAnInstanceThatDiedGoesOutOnceItsClaimRunsOut() {
        String address = "crashed-" + UUID.randomUUID() + "@example.se";
        String key = "lease-test:" + UUID.randomUUID();
        MailBuckets buckets = new MailBuckets(mongo);
        Instant now = clock.instant();
        TenantScope.runAsSystem(() -> {
            // What an instance leaves when it dies after claiming the bucket and the mail, before sending.
            String bucket = buckets.add(buckets.minuteFor(now, now), key);
            assertThat(buckets.lease(bucket, "crashed", now, now.plus(properties.claimTimeout()))).contains(key);
            OutgoingMail pending = OutgoingMail.pending(request(key, address), new MailTemplates.Rendered("Kvar efter krasch",
                    "text", "<p>html</p>"), now);
            mongo.insert(new OutgoingMail(pending.key(), pending.organisationId(), pending.recipient(), pending.subject(),
                    pending.textBody(), pending.htmlBody(), pending.reason(), pending.itemRef(), pending.sourceEventId(),
                    MailStatus.SENDING, 0, now, now, now, "crashed/claim", null, null, 1));
        });

        mailDispatcher.dispatchDue();
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> Mailbox.messagesTo(address).isEmpty());

        TestClock.advance(properties.claimTimeout().plusMinutes(1));
        mailDispatcher.dispatchDue();
        mailDispatcher.dispatchDue();

        assertThat(Mailbox.awaitMessagesTo(address, 1, Duration.ofSeconds(20))).hasSize(1);
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> Mailbox.messagesTo(address).size() == 1);
        OutgoingMail sent = mail(key);
        assertThat(sent.status()).isEqualTo(MailStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(1);
    }

    @Test
    void twoInstancesOnTheSameMailsSendEachOnce() throws Exception {
        MailDispatcher otherInstance = new MailDispatcher(mongo, mailSender, properties, clock, new SimpleMeterRegistry());
        MailBuckets buckets = new MailBuckets(mongo);
        List<String> addresses = new ArrayList<>();
        List<MailRequest> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String address = "twice-" + i + "-" + UUID.randomUUID() + "@example.se";
            addresses.add(address);
            requests.add(request("two-instances:" + UUID.randomUUID(), address));
        }
        TenantScope.runAsSystem(() -> {
            assertThat(mailQueue.enqueueAll(requests)).hasSize(requests.size());
            // Every mail listed a second time (as two racing enqueues or a crash mid-retry leave it), so the instances
            // lease different listings holding the same mails and only the per-mail claims keep them apart.
            Instant now = clock.instant();
            buckets.add(Map.of(buckets.minuteFor(now, now), requests.stream().map(MailRequest::key).toList()));
        });

        for (int round = 0; round < 3; round++) {
            CompletableFuture<Integer> one = CompletableFuture.supplyAsync(mailDispatcher::dispatchDue);
            CompletableFuture<Integer> other = CompletableFuture.supplyAsync(otherInstance::dispatchDue);
            one.get();
            other.get();
        }

        for (String address : addresses) {
            Mailbox.awaitMessagesTo(address, 1, Duration.ofSeconds(20));
        }
        Thread.sleep(1500);
        for (String address : addresses) {
            assertThat(Mailbox.messagesTo(address)).as(address).hasSize(1);
        }
        for (MailRequest request : requests) {
            assertThat(mail(request.key()).attempts()).as(request.key()).isEqualTo(1);
        }
    }

    @Test
    void aKeyListedBeforeItsMailIsStoredIsKeptUntilTheMailIsThere() {
        String address = "listed-first-" + UUID.randomUUID() + "@example.se";
        String key = "listed-first:" + UUID.randomUUID();
        MailBuckets buckets = new MailBuckets(mongo);
        Instant now = clock.instant();
        // MailQueue lists a key, then stores its mail; a dispatcher may come in between.
        TenantScope.runAsSystem(() -> buckets.add(buckets.minuteFor(now, now), key));
        mailDispatcher.dispatchDue();
        TenantScope.runAsSystem(() -> mongo.insert(OutgoingMail.pending(request(key, address),
                new MailTemplates.Rendered("Listad först", "text", "<p>html</p>"), now)));
        mailDispatcher.dispatchDue();

        assertThat(Mailbox.awaitMessagesTo(address, 1, Duration.ofSeconds(20))).hasSize(1);
    }

    @Test
    void aMailQueuedTwiceUnderOneKeyIsStoredOnce() {
        String key = "queued-twice:" + UUID.randomUUID();
        String address = "queued-twice-" + UUID.randomUUID() + "@example.se";
        TenantScope.runAsSystem(() -> {
            assertThat(mailQueue.enqueueAll(List.of(request(key, address), request(key, address)))).containsExactly(key);
            assertThat(mailQueue.enqueue(request(key, address))).isFalse();
        });
        assertThat(Mailbox.awaitMessagesTo(address, 1, Duration.ofSeconds(20))).hasSize(1);
    }

    private static MailRequest request(String key, String address) {
        return new MailRequest(key, "0188", address, "reminders",
                Map.of("subject", "Kö-test", "items", List.of(), "digest", false), "Test av kön", "test", null);
    }

    private OutgoingMail mail(String key) {
        return TenantScope.callAsSystem(() -> mongo.findById(key, OutgoingMail.class));
    }
}
