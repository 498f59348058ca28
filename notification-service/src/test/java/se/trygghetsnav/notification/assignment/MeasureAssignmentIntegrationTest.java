package se.trygghetsnav.notification.assignment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import se.trygghetsnav.commons.security.Role;
import se.trygghetsnav.contracts.EventContracts;
import se.trygghetsnav.testkit.KafkaTestProducer;
import se.trygghetsnav.testkit.KafkaTopicReader;
import se.trygghetsnav.testkit.Mailbox;
import se.trygghetsnav.testkit.TestTokens;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class MeasureAssignmentIntegrationTest {

    private static final String MEASURE_ADDED = "se.trygghetsnav.plan.measure-added.v1";
    private static final String DEAD_LETTERS = "plan.events.notification-service.dlt";
    private static final String GOLDEN_PLAN_ID = "019a8f2e-6a00-7000-8000-000000000188";
    private static final String GOLDEN_ADDRESS = "trygghet.ksk@norrtalje.example.se";

    @LocalServerPort
    int port;

    @Test
    void theGoldenMeasureAddedExampleMailsTheResponsibleUnitInSwedish() throws Exception {
        String golden = EventContracts.get().goldenExample(MEASURE_ADDED);

        KafkaTestProducer.sendCloudEvent("plan.events", "019a8f2e-6b1c-7c3a-9d2e-1f0a5b6c7d81", MEASURE_ADDED,
                GOLDEN_PLAN_ID, golden);

        MimeMessage mail = Mailbox.awaitMessagesTo(GOLDEN_ADDRESS, 1, Duration.ofSeconds(20)).getFirst();
        assertThat(mail.getSubject()).isEqualTo(
                "Ny åtgärd för Kommunstyrelsekontoret (KSK): Trygghetsvandringar i centrala Norrtälje");
        assertThat(mail.getHeader("X-Trygghetsnav-Mail-Key")[0]).startsWith("measure-assigned:");
        String link = "/api/v1/plans/" + GOLDEN_PLAN_ID + "/measures/019a8f2e-6b1c-7c3a-9d2e-1f0a5b6c7e01";
        assertThat(Mailbox.textOf(mail))
                .contains("Kommunstyrelsekontoret (KSK) har angetts som ansvarig för en åtgärd i Brottsförebyggande åtgärdsplan 2024–2026")
                .contains("senast 31 maj 2026")
                .contains("Varför får jag det här mejlet?")
                .contains(link);
        assertThat(Mailbox.htmlOf(mail)).contains("<strong>31 maj 2026</strong>").contains("href=\"http://localhost:8081" + link);
    }

    @Test
    void theSameEventDeliveredThreeTimesSendsOneMail() throws Exception {
        String address = "unit-" + UUID.randomUUID() + "@example.se";
        String eventId = UUID.randomUUID().toString();
        String planId = UUID.randomUUID().toString();
        String event = measureAdded(eventId, planId, address);

        for (int i = 0; i < 3; i++) {
            KafkaTestProducer.sendCloudEvent("plan.events", eventId, MEASURE_ADDED, planId, event);
        }
        String marker = "marker-" + UUID.randomUUID() + "@example.se";
        KafkaTestProducer.sendCloudEvent("plan.events", UUID.randomUUID().toString(), MEASURE_ADDED, planId,
                measureAdded(UUID.randomUUID().toString(), planId, marker));

        // The marker event follows the three copies on the same partition: once its mail is out, all are processed.
        Mailbox.awaitMessagesTo(marker, 1, Duration.ofSeconds(20));
        assertThat(Mailbox.messagesTo(address)).hasSize(1);
    }

    @Test
    void theMailIsRecordedWithItsReasonForItsOrganisationOnly() {
        String address = "record-" + UUID.randomUUID() + "@example.se";
        String planId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        KafkaTestProducer.sendCloudEvent("plan.events", eventId, MEASURE_ADDED, planId, measureAdded(eventId, planId, address));
        Mailbox.awaitMessagesTo(address, 1, Duration.ofSeconds(20));

        RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/api/v1/deliveries?recipient={address}", address)
                .header("Authorization", TestTokens.bearer("0188", Role.COORDINATOR)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.totalElements").isEqualTo(1)
                .jsonPath("$.content[0].status").isEqualTo("SENT")
                .jsonPath("$.content[0].reason").value(reason ->
                        assertThat((String) reason).contains("kontaktadress för Testenheten (TE)"))
                .jsonPath("$.content[0].itemRef").value(ref -> assertThat((String) ref).startsWith("plan/" + planId));
        RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/api/v1/deliveries?recipient={address}", address)
                .header("Authorization", TestTokens.bearer("1081", Role.COORDINATOR)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.totalElements").isEqualTo(0);
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String planId = UUID.randomUUID().toString();
        String brokenId = UUID.randomUUID().toString();
        KafkaTestProducer.sendCloudEvent("plan.events", brokenId, MEASURE_ADDED, planId, "{ this is not json");
        String address = "after-" + UUID.randomUUID() + "@example.se";
        String eventId = UUID.randomUUID().toString();
        KafkaTestProducer.sendCloudEvent("plan.events", eventId, MEASURE_ADDED, planId, measureAdded(eventId, planId, address));

        try (KafkaTopicReader deadLetters = KafkaTopicReader.fromBeginning(DEAD_LETTERS)) {
            List<ConsumerRecord<String, byte[]>> dead = deadLetters.await(
                    record -> brokenId.equals(KafkaTopicReader.header(record, "ce_id")), 1, Duration.ofSeconds(30));
            assertThat(dead.getFirst().key()).isEqualTo(planId);
            assertThat(new String(dead.getFirst().value(), StandardCharsets.UTF_8)).isEqualTo("{ this is not json");
            assertThat(KafkaTopicReader.header(dead.getFirst(), "x-exception-message")).contains("unreadable payload");
        }
        Mailbox.awaitMessagesTo(address, 1, Duration.ofSeconds(20));
    }

    @Test
    void anEventBreakingItsContractGoesToTheDeadLetterTopic() {
        String planId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        KafkaTestProducer.sendCloudEvent("plan.events", eventId, MEASURE_ADDED, planId,
                "{\"aggregateId\":\"" + planId + "\",\"organisationId\":\"0188\"}");

        try (KafkaTopicReader deadLetters = KafkaTopicReader.fromBeginning(DEAD_LETTERS)) {
            List<ConsumerRecord<String, byte[]>> dead = deadLetters.await(
                    record -> eventId.equals(KafkaTopicReader.header(record, "ce_id")), 1, Duration.ofSeconds(30));
            assertThat(KafkaTopicReader.header(dead.getFirst(), "x-exception-message")).contains("breaks its contract")
                    .contains("measureId");
        }
    }

    @Test
    void unknownEventTypesAreIgnoredNotDeadLettered() {
        String planId = UUID.randomUUID().toString();
        String unknownId = UUID.randomUUID().toString();
        KafkaTestProducer.sendCloudEvent("plan.events", unknownId, "se.trygghetsnav.plan.something-new.v1", planId, "{}");
        String address = "next-" + UUID.randomUUID() + "@example.se";
        String eventId = UUID.randomUUID().toString();
        KafkaTestProducer.sendCloudEvent("plan.events", eventId, MEASURE_ADDED, planId, measureAdded(eventId, planId, address));

        Mailbox.awaitMessagesTo(address, 1, Duration.ofSeconds(20));
        try (KafkaTopicReader deadLetters = KafkaTopicReader.fromBeginning(DEAD_LETTERS)) {
            assertThat(deadLetters.readUntilQuiet(record -> unknownId.equals(KafkaTopicReader.header(record, "ce_id")),
                    Duration.ofSeconds(2))).isEmpty();
        }
    }

    private static String measureAdded(String eventId, String planId, String address) {
        return """
                {"eventId":"%s","aggregateId":"%s","aggregateVersion":2,"organisationId":"0188",
                 "occurredAt":"2026-11-22T08:00:00Z","measureId":"%s","planTitle":"Testplan","title":"Teståtgärd",
                 "dueDate":"2027-01-15","responsibleUnits":[{"unitId":"%s","name":"Testenheten","abbreviation":"TE",
                 "contactEmails":["%s"]}],"someFieldFromTheFuture":true}
                """.formatted(eventId, planId, UUID.randomUUID(), UUID.randomUUID(), address);
    }
}
