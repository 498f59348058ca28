package se.trygghetsnav.notification.reminder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.contracts.EventContracts;
import se.trygghetsnav.notification.delivery.MailDispatcher;
import se.trygghetsnav.notification.delivery.MailQueue;
import se.trygghetsnav.notification.delivery.MailRequest;
import se.trygghetsnav.notification.delivery.OutgoingMail;
import se.trygghetsnav.notification.testing.Events;
import se.trygghetsnav.notification.testing.TestClock;
import se.trygghetsnav.testkit.KafkaTopicReader;
import se.trygghetsnav.testkit.Mailbox;
import se.trygghetsnav.testkit.TestInfrastructure;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class DeliveryAndAnnouncementsIntegrationTest {

    private static final String REMINDER_SENT = "se.trygghetsnav.notification.reminder-sent.v1";
    private static final String DELIVERY_FAILED = "se.trygghetsnav.notification.delivery-failed.v1";

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ReminderDispatcher dispatcher;

    @Autowired
    MailQueue mailQueue;

    @Autowired
    MailDispatcher mailDispatcher;

    @Autowired
    JavaMailSenderImpl mailSender;

    @AfterEach
    void backToTheStart() {
        TestClock.setToday(LocalDate.of(2026, 1, 15));
    }

    @Test
    void aFiredReminderIsAnnouncedOnceOnNotificationEventsAsItsContractSays() {
        UUID measureId = UUID.randomUUID();
        UUID planId = UUID.randomUUID();
        String address = "announced-" + UUID.randomUUID() + "@example.se";
        Events.publishMeasure("measure-added", planId, Events.measure(UUID.randomUUID(), planId, 2, measureId, "Annonserad",
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 13), UUID.randomUUID(), address, null));
        String key = "measure:" + measureId + ":due-first:2026-03-13";
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> reminder(key) != null);
        TestClock.set(LocalDate.of(2026, 3, 6), LocalTime.of(8, 0));
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        try (KafkaTopicReader topic = KafkaTopicReader.fromBeginning("notification.events")) {
            List<ConsumerRecord<String, byte[]>> sent = topic.await(record -> REMINDER_SENT.equals(
                    KafkaTopicReader.header(record, "ce_type")) && payload(record).contains(key), 1, Duration.ofSeconds(30));
            String json = payload(sent.getFirst());
            assertThat(EventContracts.get().validate(REMINDER_SENT, json)).isEmpty();
            assertThat(json).contains("\"recipientCount\":1").doesNotContain(address);
        }
        dispatcher.dispatchDue();
        try (KafkaTopicReader again = KafkaTopicReader.fromBeginning("notification.events")) {
            assertThat(again.readUntilQuiet(record -> payload(record).contains(key), Duration.ofSeconds(3))).hasSize(1);
        }
    }

    @Test
    void whileTheMailServerIsDownMailsWaitAndGoOutOnceWhenItIsBackAndTheFailureIsAnnounced() {
        GreenMail greenMail = TestInfrastructure.get().greenMail();
        String address = "outage-" + UUID.randomUUID() + "@example.se";
        String mailKey = "outage-test:" + UUID.randomUUID();
        greenMail.stop();
        try {
            TenantScope.runAsSystem(() -> mailQueue.enqueue(new MailRequest(mailKey, "0188", address, "reminders",
                    Map.of("subject", "Under avbrottet", "items", List.of(), "digest", false), "Test av avbrott", "test", null)));
            for (int attempt = 0; attempt < 4; attempt++) {
                TestClock.advance(Duration.ofMinutes(11));
                catchThrowable(mailDispatcher::dispatchDue);
            }
            assertThat(mail(mailKey).attempts()).isGreaterThanOrEqualTo(3);
            assertThat(mail(mailKey).status().name()).isEqualTo("PENDING");
        }
        finally {
            greenMail.start();
            // The test server binds a new random port when it starts again.
            mailSender.setPort(greenMail.getSmtp().getPort());
        }
        TestClock.advance(Duration.ofMinutes(11));
        mailDispatcher.dispatchDue();
        mailDispatcher.dispatchDue();

        assertThat(Mailbox.awaitMessagesTo(address, 1, Duration.ofSeconds(20))).hasSize(1);
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> Mailbox.messagesTo(address).size() == 1);
        try (KafkaTopicReader topic = KafkaTopicReader.fromBeginning("notification.events")) {
            List<ConsumerRecord<String, byte[]>> failed = topic.await(record -> DELIVERY_FAILED.equals(
                    KafkaTopicReader.header(record, "ce_type")) && payload(record).contains(mailKey), 1, Duration.ofSeconds(30));
            assertThat(EventContracts.get().validate(DELIVERY_FAILED, payload(failed.getFirst()))).isEmpty();
            assertThat(payload(failed.getFirst())).doesNotContain(address);
        }
    }

    private static String payload(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private OutgoingMail mail(String key) {
        return TenantScope.callAsSystem(() -> mongo.findById(key, OutgoingMail.class));
    }

    Reminder reminder(String key) {
        return TenantScope.callAsSystem(() -> mongo.findById(key, Reminder.class));
    }
}
