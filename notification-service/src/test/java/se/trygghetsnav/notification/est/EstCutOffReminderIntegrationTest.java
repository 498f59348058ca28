package se.trygghetsnav.notification.est;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import se.trygghetsnav.commons.security.Role;
import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.contracts.EventContracts;
import se.trygghetsnav.notification.est.EstGroupEvents.Member;
import se.trygghetsnav.notification.est.EstGroupEvents.Sent;
import se.trygghetsnav.notification.reminder.Reminder;
import se.trygghetsnav.notification.reminder.ReminderDispatcher;
import se.trygghetsnav.notification.reminder.ReminderKind;
import se.trygghetsnav.notification.reminder.ReminderStatus;
import se.trygghetsnav.notification.testing.TestClock;
import se.trygghetsnav.testkit.KafkaTestProducer;
import se.trygghetsnav.testkit.KafkaTopicReader;
import se.trygghetsnav.testkit.Mailbox;
import se.trygghetsnav.testkit.TestTokens;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Week 47 of 2026 runs 16–22 November; the golden group's cut-off for it is Monday 23 November 12:00, so its
 * reminder goes out one working day before, Friday 20 November at 08:00.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class EstCutOffReminderIntegrationTest {

    private static final String WEEK = "2026-W47";
    private static final LocalDate REMINDER_DAY = LocalDate.of(2026, 11, 20);
    private static final String REMINDER_SENT = "se.trygghetsnav.notification.reminder-sent.v1";

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ReminderDispatcher dispatcher;

    @Autowired
    EstGroups groups;

    @LocalServerPort
    int port;

    @AfterEach
    void backToTheStart() {
        TestClock.setToday(LocalDate.of(2026, 1, 15));
    }

    @Test
    void beforeTheCutOffOnlyTheMemberThatHasNotPostedIsRemindedOnceHoweverOftenTheEventsArrive() throws Exception {
        TestClock.set(LocalDate.of(2026, 11, 16), LocalTime.of(9, 0));
        Member posted = Member.posting("Polisen, lokalpolisområde Norrtälje", "polisen-lpo-norrtalje", address("posted"));
        Member silent = Member.posting("Socialförvaltningen", "0188", address("silent"));
        Member mailOnly = Member.mailOnly("Nattvandrarna Norrtälje", address("mail-only"));
        EstGroupEvents group = new EstGroupEvents(posted, silent, mailOnly);

        List<Sent> events = List.of(group.groupRegistered(TestClock.INSTANCE.instant()), group.weekOpened(WEEK),
                group.entriesPosted(WEEK, 2, posted));
        for (int copy = 0; copy < 2; copy++) {
            events.forEach(Sent::resend);
        }

        Reminder scheduled = awaitReminder(CutOffReminders.key(group.groupId, WEEK));
        assertThat(scheduled.kind()).isEqualTo(ReminderKind.EST_CUT_OFF);
        assertThat(scheduled.fireAt()).isEqualTo(TestClock.at(REMINDER_DAY, LocalTime.of(8, 0)));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> hasPosted(group, posted));

        TestClock.set(REMINDER_DAY, LocalTime.of(8, 0));
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        MimeMessage mail = Mailbox.awaitMessagesTo(silent.contactEmails().getFirst(), 1, Duration.ofSeconds(20)).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Påminnelse: rapportera till EST Norrtälje centrum för vecka 47 2026");
        assertThat(mail.getHeader("X-Trygghetsnav-Mail-Key")[0])
                .startsWith("est-cutoff:" + group.groupId + ":" + WEEK + ":" + silent.memberId() + ":");
        String link = "http://localhost:8084/api/v1/est-groups/" + group.groupId + "/weeks/" + WEEK;
        assertThat(Mailbox.textOf(mail))
                .contains("Socialförvaltningen har ännu inte rapporterat något till EST-gruppens lägesbild för vecka 47 2026")
                .contains("Rapporteringen stänger måndag 23 november 2026 kl. 12:00")
                .contains("Varför får jag det här mejlet? Adressen är kontaktadress för Socialförvaltningen")
                .contains(link);
        assertThat(Mailbox.htmlOf(mail)).contains("href=\"" + link + "\"");

        dispatcher.dispatchDue();
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> Mailbox.messagesTo(silent.contactEmails().getFirst()).size() == 1);
        assertThat(Mailbox.messagesTo(posted.contactEmails().getFirst())).as("posted before the reminder").isEmpty();
        assertThat(Mailbox.messagesTo(mailOnly.contactEmails().getFirst())).as("cannot post").isEmpty();
        Reminder fired = reminder(CutOffReminders.key(group.groupId, WEEK));
        assertThat(fired.status()).isEqualTo(ReminderStatus.FIRED);
        assertThat(fired.recipients()).containsExactly(silent.contactEmails().getFirst());
        assertThat(reminder(CutOffReminders.key(group.groupId, "2026-W48")).fireAt())
                .as("the next week's reminder").isEqualTo(TestClock.at(LocalDate.of(2026, 11, 27), LocalTime.of(8, 0)));
    }

    @Test
    void aGroupSetUpAfterItsWeeksReminderTimeIsRemindedAtTheNextOfficeOpeningStillBeforeTheCutOff() {
        TestClock.set(LocalDate.of(2026, 11, 21), LocalTime.of(14, 0));
        EstGroupEvents group = new EstGroupEvents(Member.posting("Socialförvaltningen", "0188", address("late")));
        group.groupRegistered(TestClock.INSTANCE.instant());

        assertThat(awaitReminder(CutOffReminders.key(group.groupId, WEEK)).fireAt())
                .isEqualTo(TestClock.at(LocalDate.of(2026, 11, 23), LocalTime.of(8, 0)));
    }

    @Test
    void whyDidIGetThisListsTheCutOffMailAndTheGroupsRemindersForItsOrganisationOnly() {
        Member silent = Member.posting("Socialförvaltningen", "0188", address("why"));
        EstGroupEvents group = remindedGroup(silent);
        String address = silent.contactEmails().getFirst();

        client("0188").get().uri("/api/v1/notifications?recipient={a}", address).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.mails.length()").isEqualTo(1)
                .jsonPath("$.mails[0].key").value(key -> assertThat((String) key)
                        .startsWith("est-cutoff:" + group.groupId + ":" + WEEK + ":" + silent.memberId() + ":"))
                .jsonPath("$.mails[0].reason").value(reason -> assertThat((String) reason)
                        .contains("kontaktadress för Socialförvaltningen i EST-gruppen EST Norrtälje centrum"))
                .jsonPath("$.mails[0].itemRef").isEqualTo("est-group/" + group.groupId + "/week/" + WEEK)
                .jsonPath("$.reminders.length()").isEqualTo(1)
                .jsonPath("$.reminders[0].key").isEqualTo(CutOffReminders.key(group.groupId, WEEK))
                .jsonPath("$.reminders[0].kind").isEqualTo("EST_CUT_OFF")
                .jsonPath("$.reminders[0].status").isEqualTo("FIRED");
        client("0188").get().uri("/api/v1/notifications?item={id}", group.groupId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.mails.length()").isEqualTo(1)
                .jsonPath("$.reminders.length()").isEqualTo(2)
                .jsonPath("$.reminders[0].key").isEqualTo(CutOffReminders.key(group.groupId, "2026-W48"))
                .jsonPath("$.reminders[0].status").isEqualTo("SCHEDULED")
                .jsonPath("$.reminders[1].status").isEqualTo("FIRED");
        client("1081").get().uri("/api/v1/notifications?item={id}", group.groupId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.mails.length()").isEqualTo(0)
                .jsonPath("$.reminders.length()").isEqualTo(0);
    }

    @Test
    void aFiredCutOffReminderIsAnnouncedOnNotificationEventsAsItsContractSays() {
        Member silent = Member.posting("Socialförvaltningen", "0188", address("announced"));
        EstGroupEvents group = remindedGroup(silent);
        String key = CutOffReminders.key(group.groupId, WEEK);

        try (KafkaTopicReader topic = KafkaTopicReader.fromBeginning("notification.events")) {
            String json = payload(topic.await(record -> REMINDER_SENT.equals(KafkaTopicReader.header(record, "ce_type"))
                    && payload(record).contains(key), 1, Duration.ofSeconds(30)).getFirst());
            assertThat(EventContracts.get().validate(REMINDER_SENT, json)).isEmpty();
            assertThat(json).contains("\"kind\":\"EST_CUT_OFF\"").contains("\"recipientCount\":1")
                    .doesNotContain(silent.contactEmails().getFirst());
        }
    }

    @Test
    void aPoisonEstEventGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String key = UUID.randomUUID().toString();
        String brokenId = UUID.randomUUID().toString();
        KafkaTestProducer.sendCloudEvent(EstGroupEvents.TOPIC, brokenId, EstGroupEvents.GROUP_REGISTERED, key, "{ this is not json");
        String breachId = UUID.randomUUID().toString();
        KafkaTestProducer.sendCloudEvent(EstGroupEvents.TOPIC, breachId, EstGroupEvents.GROUP_REGISTERED, key,
                "{\"aggregateId\":\"" + key + "\",\"organisationId\":\"0188\"}");

        try (KafkaTopicReader deadLetters = KafkaTopicReader.fromBeginning("est.events.notification-service.dlt")) {
            List<ConsumerRecord<String, byte[]>> dead = deadLetters.await(record -> brokenId.equals(
                    KafkaTopicReader.header(record, "ce_id")) || breachId.equals(KafkaTopicReader.header(record, "ce_id")),
                    2, Duration.ofSeconds(30));
            assertThat(dead).extracting(ConsumerRecord::key).containsOnly(key);
            assertThat(dead).extracting(record -> KafkaTopicReader.header(record, "x-exception-message"))
                    .anySatisfy(message -> assertThat(message).contains("unreadable payload"))
                    .anySatisfy(message -> assertThat(message).contains("breaks its contract").contains("members"));
        }
        TestClock.set(LocalDate.of(2026, 11, 16), LocalTime.of(9, 0));
        EstGroupEvents after = new EstGroupEvents(Member.posting("Socialförvaltningen", "0188", address("after")));
        after.groupRegistered(TestClock.INSTANCE.instant());
        awaitReminder(CutOffReminders.key(after.groupId, WEEK));
    }

    /** A group whose only member has not posted, and its week-47 reminder fired. */
    private EstGroupEvents remindedGroup(Member silent) {
        TestClock.set(LocalDate.of(2026, 11, 16), LocalTime.of(9, 0));
        EstGroupEvents group = new EstGroupEvents(silent);
        group.groupRegistered(TestClock.INSTANCE.instant());
        awaitReminder(CutOffReminders.key(group.groupId, WEEK));
        TestClock.set(REMINDER_DAY, LocalTime.of(8, 0));
        dispatcher.dispatchDue();
        Mailbox.awaitMessagesTo(silent.contactEmails().getFirst(), 1, Duration.ofSeconds(20));
        return group;
    }

    private boolean hasPosted(EstGroupEvents group, Member member) {
        return TenantScope.callAsSystem(() -> groups.week(group.groupId, WEEK)).map(week -> week.postedBy(member.memberId()))
                .orElse(false);
    }

    private static String address(String role) {
        return "est-" + role + "-" + UUID.randomUUID() + "@example.se";
    }

    private static String payload(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private RestTestClient client(String organisationId) {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", TestTokens.bearer(organisationId, Role.COORDINATOR)).build();
    }

    private Reminder awaitReminder(String key) {
        return Awaitility.await("reminder " + key).atMost(Duration.ofSeconds(20)).until(() -> reminder(key), r -> r != null);
    }

    private Reminder reminder(String key) {
        return TenantScope.callAsSystem(() -> mongo.findById(key, Reminder.class));
    }
}
