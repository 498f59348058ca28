package se.trygghetsnav.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import se.trygghetsnav.commons.outbox.OutboxRelay;
import se.trygghetsnav.commons.security.Role;
import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.commons.worker.BackgroundWorker;
import se.trygghetsnav.contracts.EventContracts;
import se.trygghetsnav.notification.NotificationServiceApplication;
import se.trygghetsnav.plan.PlanServiceApplication;
import se.trygghetsnav.testkit.KafkaTopicReader;
import se.trygghetsnav.testkit.Mailbox;
import se.trygghetsnav.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walking skeleton across plan-service and notification-service: a measure created through the REST API
 * reaches the responsible unit's inbox through the outbox, the real broker and the real SMTP server; and a
 * relay that dies at the worst moments loses nothing and mails nothing twice.
 */
class WalkingSkeletonIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(WalkingSkeletonIntegrationTest.class);
    private static final String MEASURE_ADDED = "se.trygghetsnav.plan.measure-added.v1";

    private static RunningServices services;
    private static ConfigurableApplicationContext planService;

    private static final int PLAN_START_EVENTS = 5;

    private RestTestClient plans;
    private final Map<UUID, List<UUID>> problems = new HashMap<>();
    private String organisation;

    @BeforeAll
    static void startServices() {
        services = new RunningServices();
        planService = services.start(PlanServiceApplication.class);
        services.start(NotificationServiceApplication.class);
    }

    @AfterAll
    static void stopServices() {
        services.close();
    }

    @BeforeEach
    void setUp() {
        organisation = "org-" + UUID.randomUUID();
        plans = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + RunningServices.port(planService))
                .defaultHeader("Authorization", TestTokens.bearer(organisation, Role.COORDINATOR)).build();
        relayWorker().start();
    }

    @Test
    void aMeasureCreatedThroughTheApiMailsItsResponsibleUnit() {
        String address = "trygghet-" + UUID.randomUUID() + "@norrtalje.example.se";
        UUID unit = registerUnit("Kommunstyrelsekontoret", "KSK", address);
        UUID plan = startPlan("Brottsförebyggande åtgärdsplan 2024–2026");

        long created = System.nanoTime();
        addMeasure(plan, "Trygghetsvandringar i centrum", unit);

        MimeMessage mail = Mailbox.awaitMessagesTo(address, 1, Duration.ofSeconds(30)).getFirst();
        log.info("Measure to mail in the inbox: {} ms", Duration.ofNanos(System.nanoTime() - created).toMillis());
        assertThat(Mailbox.textOf(mail)).contains("Kommunstyrelsekontoret (KSK) har angetts som ansvarig")
                .contains("Trygghetsvandringar i centrum").contains("31 maj 2026");
    }

    @Test
    void aRelayKilledBetweenTheMongoWriteAndTheKafkaSendLosesNothing() {
        String address = "relay-down-" + UUID.randomUUID() + "@example.se";
        UUID unit = registerUnit("Barn och utbildning", "BoU", address);
        UUID plan = startPlan("Plan medan reläet ligger nere");
        awaitPublished(plan, PLAN_START_EVENTS);

        relayWorker().stop();
        addMeasure(plan, "Skolvärdar på rasterna", unit);

        assertThat(pendingEventsOf(plan)).as("the change is stored with its event").hasSize(1);
        try (KafkaTopicReader topic = KafkaTopicReader.fromBeginning("plan.events")) {
            assertThat(topic.readUntilQuiet(ofPlan(plan).and(KafkaTopicReader.ofType(MEASURE_ADDED)),
                    Duration.ofSeconds(2))).isEmpty();
        }
        assertThat(Mailbox.messagesTo(address)).isEmpty();

        relayWorker().start();

        try (KafkaTopicReader topic = KafkaTopicReader.fromBeginning("plan.events")) {
            ConsumerRecord<String, byte[]> published = topic.await(ofPlan(plan).and(KafkaTopicReader.ofType(MEASURE_ADDED)),
                    1, Duration.ofSeconds(20)).getFirst();
            assertThat(EventContracts.get().validate(MEASURE_ADDED,
                    new String(published.value(), StandardCharsets.UTF_8))).isEmpty();
        }
        Mailbox.awaitMessagesTo(address, 1, Duration.ofSeconds(30));
        assertThat(pendingEventsOf(plan)).isEmpty();
    }

    @Test
    void aRelayKilledBetweenTheKafkaSendAndTheOutboxCleanupRepublishesButMailsOnce() {
        String address = "relay-crash-" + UUID.randomUUID() + "@example.se";
        String laterAddress = "later-" + UUID.randomUUID() + "@example.se";
        UUID unit = registerUnit("Socialförvaltningen", "SOC", address);
        UUID laterUnit = registerUnit("Kultur och fritid", "KoF", laterAddress);
        UUID plan = startPlan("Plan där reläet kraschar");
        awaitPublished(plan, PLAN_START_EVENTS);

        relayWorker().stop();
        addMeasure(plan, "Fältassistenter kvällstid", unit);
        List<Object> pendingAtCrash = pendingEventsOf(plan);
        assertThat(pendingAtCrash).hasSize(1);
        // The relay publishes and removes the event; putting the removed event back leaves exactly the state a
        // crash after the broker's acknowledgement and before the removal would have left.
        assertThat(relay().relayPending()).isEqualTo(1);
        Mailbox.awaitMessagesTo(address, 1, Duration.ofSeconds(30));
        TenantScope.runAsSystem(() -> mongo().getCollection("action_plans").updateOne(new Document("_id", plan),
                new Document("$set", new Document("pendingEvents", pendingAtCrash))));

        relayWorker().start();
        // A later measure of the same plan follows the republished event on its partition: once its mail is out,
        // the duplicate before it has been consumed.
        addMeasure(plan, "Lovaktiviteter", laterUnit);
        Mailbox.awaitMessagesTo(laterAddress, 1, Duration.ofSeconds(30));

        try (KafkaTopicReader topic = KafkaTopicReader.fromBeginning("plan.events")) {
            List<ConsumerRecord<String, byte[]>> measureEvents = topic.await(
                    ofPlan(plan).and(KafkaTopicReader.ofType(MEASURE_ADDED)), 3, Duration.ofSeconds(20));
            assertThat(measureEvents).extracting(record -> KafkaTopicReader.header(record, "ce_id"))
                    .as("the first measure's event was published twice, with the same id").hasSize(3)
                    .satisfies(ids -> assertThat(ids.get(0)).isEqualTo(ids.get(1)));
        }
        assertThat(Mailbox.messagesTo(address)).as("one mail despite the duplicate event").hasSize(1);
        assertThat(pendingEventsOf(plan)).isEmpty();
    }

    private void awaitPublished(UUID plan, int events) {
        try (KafkaTopicReader topic = KafkaTopicReader.fromBeginning("plan.events")) {
            topic.await(ofPlan(plan), events, Duration.ofSeconds(20));
        }
    }

    private static java.util.function.Predicate<ConsumerRecord<String, byte[]>> ofPlan(UUID plan) {
        return record -> plan.toString().equals(record.key());
    }

    private List<Object> pendingEventsOf(UUID plan) {
        Document stored = TenantScope.callAsSystem(
                () -> mongo().getCollection("action_plans").find(new Document("_id", plan)).first());
        assertThat(stored).isNotNull();
        return stored.getList("pendingEvents", Object.class);
    }

    private static MongoTemplate mongo() {
        return planService.getBean(MongoTemplate.class);
    }

    private static BackgroundWorker relayWorker() {
        return planService.getBean("outboxRelayWorker", BackgroundWorker.class);
    }

    private static OutboxRelay relay() {
        return planService.getBean(OutboxRelay.class);
    }

    private UUID registerUnit(String name, String abbreviation, String address) {
        return created(plans.post().uri("/api/v1/org-units").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", name, "abbreviation", abbreviation, "contactEmails", List.of(address))));
    }

    /** Starts a plan with a focus area, a problem, a cause and a goal: {@value #PLAN_START_EVENTS} events. */
    private UUID startPlan(String title) {
        UUID plan = created(plans.post().uri("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", title, "period", Map.of("startYear", 2024, "endYear", 2026))));
        UUID area = created(plans.post().uri("/api/v1/plans/{plan}/focus-areas", plan)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "Trygghet i offentlig miljö")));
        UUID problem = created(plans.post().uri("/api/v1/plans/{plan}/focus-areas/{area}/problems", plan, area)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("title", "Centrum")));
        UUID cause = created(plans.post().uri("/api/v1/plans/{plan}/problems/{problem}/causes", plan, problem)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("text", "Otrygga stråk kvällstid")));
        UUID goal = created(plans.post().uri("/api/v1/plans/{plan}/problems/{problem}/goals", plan, problem)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("text", "Ökad upplevd trygghet i centrum")));
        problems.put(plan, List.of(problem, cause, goal));
        return plan;
    }

    private UUID addMeasure(UUID plan, String title, UUID unit) {
        List<UUID> problem = problems.get(plan);
        return created(plans.post().uri("/api/v1/plans/{plan}/problems/{problem}/measures", plan, problem.get(0))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", title, "schedule", Map.of("type", "DUE_DATE", "dueDate", "2026-05-31"),
                        "responsible", List.of(Map.of("unitId", unit)), "causeIds", List.of(problem.get(1)),
                        "goalIds", List.of(problem.get(2)))));
    }

    private static UUID created(RestTestClient.RequestHeadersSpec<?> request) {
        Map<?, ?> body = request.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) body.get("id"));
    }
}
