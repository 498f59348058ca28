package se.trygghetsnav.notification.reminder;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.notification.testing.Events;
import se.trygghetsnav.notification.testing.TestClock;
import se.trygghetsnav.testkit.Mailbox;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class ReminderScheduleIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ReminderDispatcher dispatcher;

    @AfterEach
    void backToTheStart() {
        TestClock.setToday(LocalDate.of(2026, 1, 15));
    }

    @Test
    void aLongMeasureIsRemindedFourWeeksBeforeAndAWorkingDayBeforeItsDueDate() {
        UUID measureId = UUID.randomUUID();
        publishMeasure("measure-added", UUID.randomUUID(), 2, measureId, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 5, 29),
                "long-" + UUID.randomUUID() + "@example.se");

        // 1 May 2026 (28 days before) is a public holiday: the working day before.
        Reminder first = awaitReminder("measure:" + measureId + ":due-first:2026-05-29");
        assertThat(first.fireAt()).isEqualTo(TestClock.at(LocalDate.of(2026, 4, 30), LocalTime.of(8, 0)));
        assertThat(first.status()).isEqualTo(ReminderStatus.SCHEDULED);
        Reminder last = awaitReminder("measure:" + measureId + ":due-last:2026-05-29");
        assertThat(last.fireAt()).isEqualTo(TestClock.at(LocalDate.of(2026, 5, 28), LocalTime.of(8, 0)));
    }

    @Test
    void aShortMeasureIsRemindedAWeekBefore() {
        UUID measureId = UUID.randomUUID();
        publishMeasure("measure-added", UUID.randomUUID(), 2, measureId, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 20),
                "short-" + UUID.randomUUID() + "@example.se");

        assertThat(awaitReminder("measure:" + measureId + ":due-first:2026-03-20").fireAt())
                .isEqualTo(TestClock.at(LocalDate.of(2026, 3, 13), LocalTime.of(8, 0)));
    }

    @Test
    void aChangedDueDateCancelsTheOldRemindersAndSchedulesNewOnes() {
        UUID planId = UUID.randomUUID();
        UUID measureId = UUID.randomUUID();
        String address = "moved-" + UUID.randomUUID() + "@example.se";
        publishMeasure("measure-added", planId, 2, measureId, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 5, 29), address);
        awaitReminder("measure:" + measureId + ":due-last:2026-05-29");

        publishMeasure("measure-changed", planId, 3, measureId, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 9, 30), address);

        awaitReminder("measure:" + measureId + ":due-last:2026-09-30");
        assertThat(reminder("measure:" + measureId + ":due-first:2026-05-29").status()).isEqualTo(ReminderStatus.CANCELLED);
        assertThat(reminder("measure:" + measureId + ":due-last:2026-05-29").status()).isEqualTo(ReminderStatus.CANCELLED);
        assertThat(reminder("measure:" + measureId + ":due-first:2026-09-30").status()).isEqualTo(ReminderStatus.SCHEDULED);
    }

    @Test
    void aContinuousMeasureGetsAStillActiveCheckInsteadOfDueReminders() {
        UUID measureId = UUID.randomUUID();
        publishMeasure("measure-added", UUID.randomUUID(), 2, measureId, LocalDate.of(2025, 9, 1), null,
                "ongoing-" + UUID.randomUUID() + "@example.se");

        Reminder check = awaitReminder("measure:" + measureId + ":still-active:2026-03-01");
        assertThat(check.kind()).isEqualTo(ReminderKind.MEASURE_STILL_ACTIVE);
        // 1 March 2026 is a Sunday.
        assertThat(check.fireAt()).isEqualTo(TestClock.at(LocalDate.of(2026, 3, 2), LocalTime.of(8, 0)));
    }

    @Test
    void aRemovedMeasureCancelsItsReminders() {
        UUID planId = UUID.randomUUID();
        UUID measureId = UUID.randomUUID();
        publishMeasure("measure-added", planId, 2, measureId, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 5, 29),
                "removed-" + UUID.randomUUID() + "@example.se");
        awaitReminder("measure:" + measureId + ":due-last:2026-05-29");

        Events.publish("plan.events", "se.trygghetsnav.plan.measure-removed.v1", planId, """
                {"eventId":"%s","aggregateId":"%s","aggregateVersion":3,"organisationId":"0188",
                 "occurredAt":"2026-01-15T07:00:00Z","focusAreaId":"%s","problemId":"%s","measureId":"%s"}
                """.formatted(UUID.randomUUID(), planId, UUID.randomUUID(), UUID.randomUUID(), measureId));

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(reminder("measure:" + measureId + ":due-last:2026-05-29").status())
                        .isEqualTo(ReminderStatus.CANCELLED));
    }

    @Test
    void aReminderDueOnMidsommaraftonGoesOutTheWorkingDayBefore() {
        UUID measureId = UUID.randomUUID();
        String address = "midsommar-" + UUID.randomUUID() + "@example.se";
        publishMeasure("measure-added", UUID.randomUUID(), 2, measureId, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 26),
                address);
        // Seven days before 26 June is Midsommarafton, 19 June 2026.
        assertThat(awaitReminder("measure:" + measureId + ":due-first:2026-06-26").fireAt())
                .isEqualTo(TestClock.at(LocalDate.of(2026, 6, 18), LocalTime.of(8, 0)));

        Mailbox.awaitMessagesTo(address, 1, Duration.ofSeconds(20)); // the "new measure" notice

        TestClock.set(LocalDate.of(2026, 6, 17), LocalTime.of(16, 0));
        dispatchTwice();
        assertThat(Mailbox.messagesTo(address)).hasSize(1);

        TestClock.set(LocalDate.of(2026, 6, 18), LocalTime.of(8, 1));
        dispatchTwice();
        MimeMessage mail = Mailbox.awaitMessagesTo(address, 2, Duration.ofSeconds(20)).get(1);
        assertThat(Mailbox.textOf(mail)).contains("Åtgärden ska vara genomförd senast 26 juni 2026")
                .contains("Varför får jag det här mejlet?")
                .contains("kontaktadress för Testenheten (TE)")
                .contains("/measures/" + measureId);
        assertThat(reminder("measure:" + measureId + ":due-first:2026-06-26").status()).isEqualTo(ReminderStatus.FIRED);
    }

    @Test
    void theSameMeasureEventDeliveredThreeTimesSendsOneMail() throws Exception {
        UUID planId = UUID.randomUUID();
        UUID measureId = UUID.randomUUID();
        String address = "thrice-" + UUID.randomUUID() + "@example.se";
        String event = Events.measure(UUID.randomUUID(), planId, 2, measureId, "Tre gånger", LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 27), UUID.randomUUID(), address, null);
        for (int i = 0; i < 3; i++) {
            Events.publishMeasure("measure-added", planId, event);
        }
        awaitReminder("measure:" + measureId + ":due-last:2026-03-27");
        Mailbox.awaitMessagesTo(address, 1, Duration.ofSeconds(20)); // the "new measure" notice

        TestClock.set(LocalDate.of(2026, 3, 20), LocalTime.of(8, 5));
        dispatchTwice();
        dispatchTwice();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Mailbox.messagesTo(address).size() >= 2);
        Thread.sleep(1500);
        assertThat(Mailbox.messagesTo(address)).hasSize(2);
        assertThat(Mailbox.messagesTo(address).get(1).getSubject()).isEqualTo("Påminnelse: Tre gånger");
    }

    @Test
    void twoDispatchersRacingFireEachReminderOnce() throws Exception {
        List<String> addresses = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String address = "race-" + i + "-" + UUID.randomUUID() + "@example.se";
            UUID measureId = UUID.randomUUID();
            addresses.add(address);
            keys.add("measure:" + measureId + ":due-first:2026-04-24");
            publishMeasure("measure-added", UUID.randomUUID(), 2, measureId, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 24),
                    address);
        }
        keys.forEach(this::awaitReminder);
        addresses.forEach(address -> Mailbox.awaitMessagesTo(address, 1, Duration.ofSeconds(20)));
        TestClock.set(LocalDate.of(2026, 4, 17), LocalTime.of(8, 0));

        // Without the lock: the claims and the mail keys alone must keep them apart.
        for (int round = 0; round < 3; round++) {
            CompletableFuture<Integer> one = CompletableFuture.supplyAsync(dispatcher::pass);
            CompletableFuture<Integer> other = CompletableFuture.supplyAsync(dispatcher::pass);
            one.get();
            other.get();
        }

        for (String address : addresses) {
            Mailbox.awaitMessagesTo(address, 2, Duration.ofSeconds(20));
        }
        Thread.sleep(1500);
        for (String address : addresses) {
            assertThat(Mailbox.messagesTo(address)).as(address).hasSize(2);
        }
        keys.forEach(key -> assertThat(reminder(key).status()).isEqualTo(ReminderStatus.FIRED));
    }

    private void dispatchTwice() {
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();
    }

    private void publishMeasure(String type, UUID planId, long version, UUID measureId, LocalDate start, LocalDate due,
            String address) {
        Events.publishMeasure(type, planId, Events.measure(UUID.randomUUID(), planId, version, measureId, "Teståtgärd",
                start, due, UUID.randomUUID(), address, null));
    }

    Reminder awaitReminder(String key) {
        return Awaitility.await("reminder " + key).atMost(Duration.ofSeconds(20)).until(() -> reminder(key), r -> r != null);
    }

    Reminder reminder(String key) {
        return TenantScope.callAsSystem(() -> mongo.findById(key, Reminder.class));
    }
}
