package se.trygghetsnav.notification.reminder;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import se.trygghetsnav.commons.security.Role;
import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.notification.testing.Events;
import se.trygghetsnav.notification.testing.TestClock;
import se.trygghetsnav.testkit.Mailbox;
import se.trygghetsnav.testkit.TestTokens;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class NotificationsApiIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ReminderDispatcher dispatcher;

    @AfterEach
    void backToTheStart() {
        TestClock.setToday(LocalDate.of(2026, 1, 15));
    }

    @Test
    void aRecipientSeesWhyEachMailCameAndWhatIsScheduledForTheirOrganisationOnly() {
        UUID measureId = UUID.randomUUID();
        String address = "why-" + UUID.randomUUID() + "@example.se";
        UUID planId = UUID.randomUUID();
        Events.publishMeasure("measure-added", planId, Events.measure(UUID.randomUUID(), planId, 2, measureId, "Varför-åtgärd",
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 27), UUID.randomUUID(), address, null));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> reminder("measure:" + measureId + ":due-first:2026-02-27") != null);
        Mailbox.awaitMessagesTo(address, 1, Duration.ofSeconds(20));
        TestClock.set(LocalDate.of(2026, 2, 20), LocalTime.of(8, 0));
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();
        Mailbox.awaitMessagesTo(address, 2, Duration.ofSeconds(20));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(
                client("0188").get().uri("/api/v1/notifications?recipient={a}", address).exchange()
                        .returnResult(Map.class).getResponseBody() instanceof Map<?, ?> body
                        && body.get("mails") instanceof List<?> mails && mails.size() == 2
                        && ((Map<?, ?>) mails.getFirst()).get("status") != null
                        ? String.valueOf(((Map<?, ?>) mails.getFirst()).get("status")) : ""));

        client("0188").get().uri("/api/v1/notifications?recipient={a}", address.toUpperCase()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.mails.length()").isEqualTo(2)
                .jsonPath("$.mails[0].key").value(key -> assertThat((String) key).startsWith("digest:0188:"))
                .jsonPath("$.mails[0].reason").value(reason -> assertThat((String) reason).contains("en gång per arbetsdag"))
                .jsonPath("$.reminders.length()").isEqualTo(1)
                .jsonPath("$.reminders[0].key").isEqualTo("measure:" + measureId + ":due-first:2026-02-27")
                .jsonPath("$.reminders[0].status").isEqualTo("FIRED");
        client("0188").get().uri("/api/v1/notifications?item={id}", measureId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.reminders.length()").isEqualTo(2)
                .jsonPath("$.mails.length()").isEqualTo(2)
                .jsonPath("$.mails[1].reason").value(reason -> assertThat((String) reason).contains("kontaktadress för Testenheten"));
        client("1081").get().uri("/api/v1/notifications?recipient={a}", address).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.mails.length()").isEqualTo(0)
                .jsonPath("$.reminders.length()").isEqualTo(0);
        client("0188").get().uri("/api/v1/notifications").exchange().expectStatus().isBadRequest();
    }

    @Test
    void anOrganisationsOwnLeadTimeAppliesToTheRemindersItSchedulesNext() {
        client("2480").put().uri("/api/v1/notification-settings").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("shortLeadDays", 10)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.shortLeadDays").isEqualTo(10).jsonPath("$.longLeadDays").isEqualTo(28);

        UUID measureId = UUID.randomUUID();
        UUID planId = UUID.randomUUID();
        Events.publishMeasure("measure-added", planId, Events.measure(UUID.randomUUID(), planId, 2, measureId, "Egen tid",
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 27), UUID.randomUUID(), "own-" + UUID.randomUUID() + "@example.se",
                null).replace("\"organisationId\":\"0188\"", "\"organisationId\":\"2480\""));

        Reminder first = Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> reminder("measure:" + measureId + ":due-first:2026-03-27"), r -> r != null);
        assertThat(first.fireAt()).isEqualTo(TestClock.at(LocalDate.of(2026, 3, 17), LocalTime.of(8, 0)));
    }

    @Test
    void aRecipientWhoWantsEachReminderAtOnceGetsAMailPerReminder() {
        String address = "immediate-" + UUID.randomUUID() + "@example.se";
        client("0188").put().uri("/api/v1/recipient-preferences?recipient={a}", address)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("frequency", "IMMEDIATE")).exchange()
                .expectStatus().isOk();
        UUID unitId = UUID.randomUUID();
        for (UUID measureId : List.of(UUID.randomUUID(), UUID.randomUUID())) {
            UUID planId = UUID.randomUUID();
            Events.publishMeasure("measure-added", planId, Events.measure(UUID.randomUUID(), planId, 2, measureId, "Direkt",
                    LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 24), unitId, address, null));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> reminder("measure:" + measureId + ":due-first:2026-04-24") != null);
        }
        Mailbox.awaitMessagesTo(address, 2, Duration.ofSeconds(20));
        TestClock.set(LocalDate.of(2026, 4, 17), LocalTime.of(8, 0));
        dispatcher.dispatchDue();

        assertThat(Mailbox.awaitMessagesTo(address, 4, Duration.ofSeconds(20))).hasSize(4);
    }

    @Test
    void aDailyDigestBatchesTheRemindersOfOneDayIntoOneMail() throws Exception {
        String address = "digest-" + UUID.randomUUID() + "@example.se";
        UUID unitId = UUID.randomUUID();
        for (UUID measureId : List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID())) {
            UUID planId = UUID.randomUUID();
            Events.publishMeasure("measure-added", planId, Events.measure(UUID.randomUUID(), planId, 2, measureId, "Samlad",
                    LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 22), unitId, address, null));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> reminder("measure:" + measureId + ":due-first:2026-05-22") != null);
        }
        Mailbox.awaitMessagesTo(address, 3, Duration.ofSeconds(20));
        TestClock.set(LocalDate.of(2026, 5, 15), LocalTime.of(8, 0));
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        var digest = Mailbox.awaitMessagesTo(address, 4, Duration.ofSeconds(20)).get(3);
        Thread.sleep(1000);
        assertThat(Mailbox.messagesTo(address)).hasSize(4);
        assertThat(digest.getSubject()).isEqualTo("Dina påminnelser från Trygghetsnav: 3 ärenden");
        assertThat(Mailbox.textOf(digest)).contains("Här är dina påminnelser").contains("senast 22 maj 2026");
        assertThat(Mailbox.htmlOf(digest)).contains("Varför får jag det här mejlet?");
    }

    private RestTestClient client(String organisationId) {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", TestTokens.bearer(organisationId, Role.COORDINATOR)).build();
    }

    Reminder reminder(String key) {
        return TenantScope.callAsSystem(() -> mongo.findById(key, Reminder.class));
    }
}
