package se.trygghetsnav.notification.reminder;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

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
class EscalationIntegrationTest {

    private static final String FOLLOWUP = "followup.events";

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ReminderDispatcher dispatcher;

    private final UUID planId = UUID.randomUUID();
    private final UUID measureId = UUID.randomUUID();
    private final UUID unitId = UUID.randomUUID();
    private final String contact = "unit-" + UUID.randomUUID() + "@example.se";
    private final String manager = "manager-" + UUID.randomUUID() + "@example.se";
    private final String coordinator = "coordinator-" + UUID.randomUUID() + "@example.se";

    @AfterEach
    void backToTheStart() {
        TestClock.setToday(LocalDate.of(2026, 1, 15));
    }

    @Test
    void anOverdueMeasureGoesToTheUnitThenItsManagerThenThePlansCoordinatorOnWorkingDays() throws Exception {
        overdueMeasure(LocalDate.of(2026, 1, 30), LocalDate.of(2026, 2, 2));

        at(LocalDate.of(2026, 2, 2));
        MimeMessage toUnit = Mailbox.awaitMessagesTo(contact, 2, Duration.ofSeconds(20)).get(1);
        assertThat(toUnit.getSubject()).isEqualTo("Försenad åtgärd: Eskalerad åtgärd");
        assertThat(Mailbox.textOf(toUnit)).contains("den skulle ha varit genomförd senast 30 januari 2026")
                .contains("först enheten, sedan chefen, sist planens samordnare");
        assertThat(Mailbox.messagesTo(manager)).isEmpty();

        // Five working days later: the manager.
        at(LocalDate.of(2026, 2, 6));
        assertThat(Mailbox.messagesTo(manager)).isEmpty();
        at(LocalDate.of(2026, 2, 9));
        MimeMessage toManager = Mailbox.awaitMessagesTo(manager, 1, Duration.ofSeconds(20)).getFirst();
        assertThat(toManager.getSubject()).isEqualTo("Eskalering: försenad åtgärd: Eskalerad åtgärd");
        assertThat(Mailbox.textOf(toManager)).contains("Du är chef för Testenheten (TE)")
                .contains("kontaktadresserna för Testenheten (TE)");

        // Five more: the plan's coordinator.
        at(LocalDate.of(2026, 2, 16));
        MimeMessage toCoordinator = Mailbox.awaitMessagesTo(coordinator, 1, Duration.ofSeconds(20)).getFirst();
        assertThat(Mailbox.textOf(toCoordinator)).contains("Du är samordnare för planen Testplanen");
        Thread.sleep(1000);
        assertThat(Mailbox.messagesTo(contact)).hasSize(2);
        assertThat(Mailbox.messagesTo(manager)).hasSize(1);
    }

    @Test
    void aMeasureReportedDoneStopsItsEscalationBeforeTheNextStage() throws Exception {
        overdueMeasure(LocalDate.of(2026, 1, 30), LocalDate.of(2026, 2, 2));
        at(LocalDate.of(2026, 2, 2));
        Mailbox.awaitMessagesTo(contact, 2, Duration.ofSeconds(20));

        UUID roundId = UUID.randomUUID();
        Events.publish(FOLLOWUP, "se.trygghetsnav.followup.measure-report-submitted.v1", roundId, """
                {"eventId":"%s","aggregateId":"%s","aggregateVersion":2,"organisationId":"0188",
                 "occurredAt":"2026-02-03T09:00:00Z","planId":"%s","measureId":"%s","reportRevision":1,"status":"DONE",
                 "responsibleUnitIds":["%s"],"figures":[]}
                """.formatted(UUID.randomUUID(), roundId, planId, measureId, unitId));
        String managerStage = "overdue:" + measureId + ":2026-01-31:manager";
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(reminder(managerStage).status()).isEqualTo(ReminderStatus.CANCELLED));

        at(LocalDate.of(2026, 2, 9));
        at(LocalDate.of(2026, 2, 16));
        Thread.sleep(1500);
        assertThat(Mailbox.messagesTo(manager)).isEmpty();
        assertThat(Mailbox.messagesTo(coordinator)).isEmpty();
        assertThat(reminder(managerStage).cancelReason()).isEqualTo("Åtgärden rapporterades genomförd");
    }

    @Test
    void aClearedOverdueStateStopsTheEscalation() throws Exception {
        overdueMeasure(LocalDate.of(2026, 1, 30), LocalDate.of(2026, 2, 2));
        Events.publish(FOLLOWUP, "se.trygghetsnav.followup.measure-overdue-cleared.v1", measureId, """
                {"eventId":"%s","aggregateId":"%s","aggregateVersion":2,"organisationId":"0188",
                 "occurredAt":"2026-02-02T05:00:00Z","measureId":"%s","planId":"%s","reason":"DEADLINE_MOVED",
                 "overdueSince":"2026-01-31","clearedOn":"2026-02-02","responsibleUnitIds":["%s"]}
                """.formatted(UUID.randomUUID(), measureId, measureId, planId, unitId));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(reminder("overdue:" + measureId + ":2026-01-31:unit").status()).isEqualTo(ReminderStatus.CANCELLED));

        at(LocalDate.of(2026, 2, 2));
        at(LocalDate.of(2026, 2, 9));
        Thread.sleep(1500);
        assertThat(Mailbox.messagesTo(contact)).hasSize(1); // only the "new measure" notice
        assertThat(Mailbox.messagesTo(manager)).isEmpty();
    }

    @Test
    void aMissingReportIsEscalatedUntilTheReportArrives() throws Exception {
        overdueMeasureContacts();
        UUID roundId = UUID.randomUUID();
        TestClock.set(LocalDate.of(2026, 3, 16), LocalTime.of(6, 0));
        Events.publish(FOLLOWUP, "se.trygghetsnav.followup.report-missing.v1", roundId, """
                {"eventId":"%s","aggregateId":"%s","aggregateVersion":3,"organisationId":"0188",
                 "occurredAt":"2026-03-16T04:05:00Z","planId":"%s","measureId":"%s","measureTitle":"Eskalerad åtgärd",
                 "unitId":"%s","dueDate":"2026-03-13"}
                """.formatted(UUID.randomUUID(), roundId, planId, measureId, unitId));
        String unitStage = "missing:" + roundId + ":" + measureId + ":" + unitId + ":unit";
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> reminder(unitStage) != null);

        at(LocalDate.of(2026, 3, 16));
        MimeMessage toUnit = Mailbox.awaitMessagesTo(contact, 2, Duration.ofSeconds(20)).get(1);
        assertThat(toUnit.getSubject()).isEqualTo("Uppföljningsrapport saknas: Eskalerad åtgärd");

        Events.publish(FOLLOWUP, "se.trygghetsnav.followup.measure-report-submitted.v1", roundId, """
                {"eventId":"%s","aggregateId":"%s","aggregateVersion":4,"organisationId":"0188",
                 "occurredAt":"2026-03-17T09:00:00Z","planId":"%s","measureId":"%s","reportRevision":1,"status":"ONGOING",
                 "responsibleUnitIds":["%s"],"figures":[]}
                """.formatted(UUID.randomUUID(), roundId, planId, measureId, unitId));
        String managerStage = "missing:" + roundId + ":" + measureId + ":" + unitId + ":manager";
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(reminder(managerStage).status()).isEqualTo(ReminderStatus.CANCELLED));
        at(LocalDate.of(2026, 3, 23));
        Thread.sleep(1000);
        assertThat(Mailbox.messagesTo(manager)).isEmpty();
    }

    private void overdueMeasureContacts() {
        Events.publishMeasure("measure-added", planId, Events.measure(UUID.randomUUID(), planId, 2, measureId,
                "Eskalerad åtgärd", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), unitId, contact, manager));
        Events.publish("plan.events", "se.trygghetsnav.plan.plan-updated.v1", planId, """
                {"eventId":"%s","aggregateId":"%s","aggregateVersion":3,"organisationId":"0188",
                 "occurredAt":"2026-01-15T07:00:00Z","title":"Testplanen","period":{"startYear":2024,"endYear":2026},
                 "legalBasis":"Lag (2023:196)","partnerOrganisations":[],
                 "coordinator":{"name":"Samordnaren","email":"%s"},"columns":[]}
                """.formatted(UUID.randomUUID(), planId, coordinator));
        Mailbox.awaitMessagesTo(contact, 1, Duration.ofSeconds(20));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                TenantScope.callAsSystem(() -> mongo.findById(planId, org.bson.Document.class, "contact_plans")) != null);
    }

    private void overdueMeasure(LocalDate deadline, LocalDate detectedOn) {
        overdueMeasureContacts();
        TestClock.set(detectedOn, LocalTime.of(6, 5));
        Events.publish(FOLLOWUP, "se.trygghetsnav.followup.measure-overdue.v1", measureId, """
                {"eventId":"%s","aggregateId":"%s","aggregateVersion":1,"organisationId":"0188",
                 "occurredAt":"2026-02-02T05:05:00Z","measureId":"%s","planId":"%s","title":"Eskalerad åtgärd",
                 "deadline":"%s","overdueSince":"%s","detectedOn":"%s","responsibleUnitIds":["%s"]}
                """.formatted(UUID.randomUUID(), measureId, measureId, planId, deadline, deadline.plusDays(1), detectedOn,
                unitId));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                reminder("overdue:" + measureId + ":" + deadline.plusDays(1) + ":coordinator") != null);
    }

    private void at(LocalDate day) {
        TestClock.set(day, LocalTime.of(8, 0));
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();
    }

    Reminder reminder(String key) {
        return TenantScope.callAsSystem(() -> mongo.findById(key, Reminder.class));
    }
}
