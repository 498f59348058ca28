package se.trygghetsnav.plan.actionplan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import se.trygghetsnav.contracts.EventContracts;
import se.trygghetsnav.commons.security.Role;
import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.testkit.KafkaTopicReader;
import se.trygghetsnav.testkit.TestTokens;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class ActionPlanApiIntegrationTest {

    private static final String MEASURE_ADDED = "se.trygghetsnav.plan.measure-added.v1";
    private static final String PLAN_CREATED = "se.trygghetsnav.plan.plan-created.v1";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    RestTestClient http;
    String organisation;

    @BeforeEach
    void setUp() {
        organisation = "org-" + UUID.randomUUID();
        http = PlanApiCalls.as(port, organisation, Role.COORDINATOR);
    }

    @Test
    void addingAMeasurePublishesContractConformingEventsKeyedByThePlanInOrder() {
        UUID unit = registerUnit("Kommunstyrelsekontoret", "KSK", "trygghet.ksk@example.se");
        UUID plan = startPlan("Brottsförebyggande åtgärdsplan 2024–2026");
        PlanApiCalls.ProblemRef problem = PlanApiCalls.addProblem(http, plan);
        UUID measure = PlanApiCalls.addMeasure(http, plan, problem, "Trygghetsvandringar i centrum", "2026-05-31", unit);

        try (KafkaTopicReader reader = KafkaTopicReader.fromBeginning("plan.events")) {
            List<ConsumerRecord<String, byte[]>> events = reader.await(
                    record -> plan.toString().equals(record.key()), 6, Duration.ofSeconds(20));

            assertThat(events).extracting(record -> KafkaTopicReader.header(record, "ce_type"))
                    .containsExactly(PLAN_CREATED, "se.trygghetsnav.plan.focus-area-added.v1",
                            "se.trygghetsnav.plan.problem-added.v1", "se.trygghetsnav.plan.cause-added.v1",
                            "se.trygghetsnav.plan.goal-added.v1", MEASURE_ADDED);
            for (ConsumerRecord<String, byte[]> event : events) {
                String type = KafkaTopicReader.header(event, "ce_type");
                String json = new String(event.value(), StandardCharsets.UTF_8);
                assertThat(EventContracts.get().validate(type, json)).as(type).isEmpty();
                assertThat(KafkaTopicReader.header(event, "ce_specversion")).isEqualTo("1.0");
                assertThat(KafkaTopicReader.header(event, "ce_subject")).isEqualTo(plan.toString());
                assertThat(KafkaTopicReader.header(event, "ce_source")).isEqualTo("/trygghetsnav/plan-service");
                assertThat(json).contains("\"eventId\":\"" + KafkaTopicReader.header(event, "ce_id") + "\"");
            }
            String measureAdded = new String(events.get(5).value(), StandardCharsets.UTF_8);
            assertThat(measureAdded).contains("\"measureId\":\"" + measure + "\"")
                    .contains("\"aggregateVersion\":6")
                    .contains("\"problemId\":\"" + problem.problemId() + "\"")
                    .contains("\"causeIds\":[\"" + problem.causeId() + "\"]")
                    .contains("trygghet.ksk@example.se")
                    .contains("\"dueDate\":\"2026-05-31\"");
        }
    }

    @Test
    void everyWriteIsInTheAuditTrailWithWhoAndWhatButOnlyForTheOwnOrganisation() {
        RestTestClient coordinator = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", TestTokens.forOrganisation(organisation, Role.COORDINATOR)
                        .subject("anna.samordnare").bearer()).build();
        UUID plan = PlanApiCalls.startPlan(coordinator, "Granskad plan");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> coordinator.get()
                .uri("/api/v1/audit-entries?aggregateId={plan}", plan).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.totalElements").isEqualTo(1)
                .jsonPath("$.content[0].operation").isEqualTo(PLAN_CREATED)
                .jsonPath("$.content[0].subject").isEqualTo("anna.samordnare")
                .jsonPath("$.content[0].subjectOrganisation").isEqualTo(organisation)
                .jsonPath("$.content[0].aggregateType").isEqualTo("ActionPlan")
                .jsonPath("$.content[0].aggregateVersion").isEqualTo(1));
        PlanApiCalls.as(port, "org-" + UUID.randomUUID(), Role.COORDINATOR).get()
                .uri("/api/v1/audit-entries?aggregateId={plan}", plan).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.totalElements").isEqualTo(0);
    }

    @Test
    void relayedEventsAreRemovedFromThePlansOutbox() {
        UUID plan = startPlan("Plan med utkorg");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Document stored = TenantScope.callAsSystem(
                    () -> mongo.getCollection("action_plans").find(new Document("_id", plan)).first());
            assertThat(stored).isNotNull();
            assertThat(stored.getList("pendingEvents", Object.class)).isEmpty();
        });
    }

    @Test
    void aClientThatAcceptsGzipGetsThePlanCompressedAsTheSameJson() throws IOException, InterruptedException {
        UUID unit = registerUnit("Barn och utbildning", "BoU", "bou@example.se");
        UUID plan = startPlan("Åtgärdsplan 2025");
        PlanApiCalls.addMeasure(http, plan, PlanApiCalls.addProblem(http, plan), "Föräldravandringar", "2025-12-31", unit);

        byte[] plain = http.get().uri("/api/v1/plans/{id}", plan).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Content-Encoding")
                .expectBody(byte[].class).returnResult().getResponseBody();
        // A plain JDK client, as Spring's test client may unpack gzip itself and hide the header.
        HttpResponse<byte[]> compressed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/plans/" + plan))
                .header("Authorization", TestTokens.bearer(organisation, Role.READER))
                .header("Accept-Encoding", "br;q=1.0, gzip;q=0.8").GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(compressed.statusCode()).isEqualTo(200);
        assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(compressed.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(compressed.headers().firstValue("ETag")).hasValue("\"6\"");
        assertThat(compressed.body().length).isLessThan(plain.length);
        try (GZIPInputStream unpacked = new GZIPInputStream(new ByteArrayInputStream(compressed.body()))) {
            assertThat(unpacked.readAllBytes()).isEqualTo(plain);
        }
        assertThat(new String(plain, StandardCharsets.UTF_8)).contains("Föräldravandringar");
    }

    @Test
    void aPlanReadsBackWithItsMeasuresAndTheirUnitsAndAnETag() {
        UUID unit = registerUnit("Barn och utbildning", "BoU", "bou@example.se");
        UUID plan = startPlan("Åtgärdsplan 2025");
        PlanApiCalls.ProblemRef problem = PlanApiCalls.addProblem(http, plan);
        UUID measure = PlanApiCalls.addMeasure(http, plan, problem, "Föräldravandringar", "2025-12-31", unit);

        PlanApiCalls.as(port, organisation, Role.READER).get().uri("/api/v1/plans/{id}", plan).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"6\"")
                .expectBody()
                .jsonPath("$.title").isEqualTo("Åtgärdsplan 2025")
                .jsonPath("$.status").isEqualTo("DRAFT")
                .jsonPath("$.revision").isEqualTo(1)
                .jsonPath("$.legalBasis").isEqualTo("Lag (2023:196) om kommuners ansvar för brottsförebyggande arbete")
                .jsonPath("$.focusAreas[0].name").isEqualTo("Unga i riskzon")
                .jsonPath("$.focusAreas[0].problems[0].title").isEqualTo("Trygghet i skola")
                .jsonPath("$.focusAreas[0].problems[0].measures[0].title").isEqualTo("Föräldravandringar")
                .jsonPath("$.focusAreas[0].problems[0].measures[0].responsible[0].unitId").isEqualTo(unit.toString())
                .jsonPath("$.units[0].abbreviation").isEqualTo("BoU");
        http.get().uri("/api/v1/plans/{id}/measures/{m}", plan, measure).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.responsibleUnits[0].abbreviation").isEqualTo("BoU")
                .jsonPath("$.deadline").isEqualTo("2025-12-31")
                .jsonPath("$.schedule.type").isEqualTo("DUE_DATE");
    }

    @Test
    void aStaleIfMatchIsRefusedWith412AndTheCurrentETag() {
        UUID unit = registerUnit("Kultur och fritid", "KoF", "kof@example.se");
        UUID plan = startPlan("Plan som ändras");
        PlanApiCalls.ProblemRef problem = PlanApiCalls.addProblem(http, plan);
        PlanApiCalls.addMeasure(http, plan, problem, "Första åtgärden", "2026-01-31", unit);

        http.post().uri("/api/v1/plans/{id}/problems/{p}/measures", plan, problem.problemId())
                .contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"5\"")
                .body(PlanApiCalls.measureBody(problem, "Andra åtgärden", "2026-02-28", unit))
                .exchange()
                .expectStatus().isEqualTo(412)
                .expectHeader().valueEquals("ETag", "\"6\"")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/precondition-failed")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("\"5\"").contains("\"6\""));
    }

    @Test
    void aCurrentIfMatchIsAccepted() {
        UUID unit = registerUnit("Samhällsbyggnad", "SB", "sb@example.se");
        UUID plan = startPlan("Plan med rätt version");
        PlanApiCalls.ProblemRef problem = PlanApiCalls.addProblem(http, plan);

        http.post().uri("/api/v1/plans/{id}/problems/{p}/measures", plan, problem.problemId())
                .contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"5\"")
                .body(PlanApiCalls.measureBody(problem, "Belysning i gångtunneln", "2026-03-31", unit))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("ETag", "\"6\"");
    }

    @Test
    void anInvalidPlanIsRefusedWithProblemDetailsNamingEachField() {
        http.post().uri("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", " ", "period", Map.of("startYear", 2026, "endYear", 2024)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/validation")
                .jsonPath("$.title").isEqualTo("Invalid input")
                .jsonPath("$.errors[?(@.field == 'title')].message").isEqualTo(List.of("must not be blank"))
                .jsonPath("$.errors[?(@.field == 'period.endNotBeforeStart')].message")
                .isEqualTo(List.of("the end year must not be before the start year"));
    }

    @Test
    void validationMessagesAreInSwedishWhenAsked() {
        http.post().uri("/api/v1/plans").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "sv-SE")
                .body(Map.of("title", "", "period", Map.of("startYear", 2024, "endYear", 2026)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.title").isEqualTo("Ogiltiga uppgifter")
                .jsonPath("$.errors[0].field").isEqualTo("title")
                .jsonPath("$.errors[0].message").isEqualTo("får inte vara tomt");
    }

    @Test
    void unreadableJsonIsRefusedNamingTheField() {
        http.post().uri("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
                .body("{\"title\":\"T\",\"period\":{\"startYear\":\"tjugofyra\",\"endYear\":2026}}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/malformed-request")
                .jsonPath("$.errors[0].field").isEqualTo("period.startYear");
    }

    @Test
    void aResponsibleUnitOfAnotherOrganisationIsRefusedWith422() {
        RestTestClient otherOrganisation = PlanApiCalls.as(port, "org-" + UUID.randomUUID(), Role.COORDINATOR);
        UUID foreignUnit = PlanApiCalls.registerUnit(otherOrganisation, "Annan kommun", "AK", "ak@example.se");
        UUID plan = startPlan("Plan utan främmande enheter");
        PlanApiCalls.ProblemRef problem = PlanApiCalls.addProblem(http, plan);

        http.post().uri("/api/v1/plans/{id}/problems/{p}/measures", plan, problem.problemId())
                .contentType(MediaType.APPLICATION_JSON)
                .body(PlanApiCalls.measureBody(problem, "Åtgärd", "2026-01-31", foreignUnit))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/unknown-responsible-unit")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(foreignUnit.toString()));
    }

    @Test
    void aPlanOfAnotherOrganisationIsNotFound() {
        UUID plan = startPlan("Vår plan");

        PlanApiCalls.as(port, "org-someone-else", Role.COORDINATOR).get().uri("/api/v1/plans/{id}", plan).exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/not-found")
                .jsonPath("$.detail").value(detail ->
                        assertThat((String) detail).contains(plan.toString()).doesNotContain("Vår plan"));
    }

    @Test
    void plansAreListedPerOrganisationWithPaging() {
        startPlan("Plan A");
        startPlan("Plan B");
        startPlan("Plan C");

        http.get().uri("/api/v1/plans?page=0&size=2").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content.length()").isEqualTo(2)
                .jsonPath("$.totalElements").isEqualTo(3)
                .jsonPath("$.size").isEqualTo(2);
        http.get().uri("/api/v1/plans?size=500").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void renamingAUnitShowsInEveryPlanAtOnceAndIsAnnounced() {
        UUID unit = registerUnit("Kultur och fritid", "KoF", "kof@example.se");
        UUID plan = startPlan("Plan med en enhet som byter namn");
        PlanApiCalls.ProblemRef problem = PlanApiCalls.addProblem(http, plan);
        PlanApiCalls.addMeasure(http, plan, problem, "Lovaktiviteter", "2026-06-30", unit);
        http.get().uri("/api/v1/plans/{id}", plan).exchange().expectBody().jsonPath("$.units[0].name").isEqualTo("Kultur och fritid");

        http.put().uri("/api/v1/org-units/{id}", unit).contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"1\"")
                .body(Map.of("name", "Kultur- och fritidsförvaltningen", "abbreviation", "KFF",
                        "contactEmails", List.of("kff@example.se"), "managerEmail", "chef.kff@example.se"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"");

        http.get().uri("/api/v1/plans/{id}", plan).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"6\"")
                .expectBody()
                .jsonPath("$.units[0].name").isEqualTo("Kultur- och fritidsförvaltningen")
                .jsonPath("$.units[0].abbreviation").isEqualTo("KFF");
        http.put().uri("/api/v1/org-units/{id}", unit).contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"1\"")
                .body(Map.of("name", "Gammalt namn", "contactEmails", List.of("kff@example.se")))
                .exchange()
                .expectStatus().isEqualTo(412);
        try (KafkaTopicReader reader = KafkaTopicReader.fromBeginning("plan.events")) {
            ConsumerRecord<String, byte[]> changed = reader.await(record -> unit.toString().equals(record.key())
                    && "se.trygghetsnav.plan.org-unit-changed.v1".equals(KafkaTopicReader.header(record, "ce_type")), 1,
                    Duration.ofSeconds(20)).getFirst();
            String json = new String(changed.value(), StandardCharsets.UTF_8);
            assertThat(EventContracts.get().validate("se.trygghetsnav.plan.org-unit-changed.v1", json)).isEmpty();
            assertThat(json).contains("Kultur- och fritidsförvaltningen").contains("chef.kff@example.se");
        }
    }

    private UUID registerUnit(String name, String abbreviation, String email) {
        return PlanApiCalls.registerUnit(http, name, abbreviation, email);
    }

    private UUID startPlan(String title) {
        return PlanApiCalls.startPlan(http, title);
    }
}
