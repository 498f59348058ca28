package se.trygghetsnav.followup.planprojection;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import se.trygghetsnav.commons.security.Role;
import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.contracts.EventContracts;
import se.trygghetsnav.followup.testing.FollowupApi;
import se.trygghetsnav.followup.testing.PlanEventStream;
import se.trygghetsnav.followup.testing.PlanEventStream.MeasureSpec;
import se.trygghetsnav.followup.testing.PlanEventStream.Unit;
import se.trygghetsnav.testkit.KafkaTestProducer;
import se.trygghetsnav.testkit.KafkaTopicReader;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class PlanProjectionIntegrationTest {

    private static final String PLAN_CREATED = "se.trygghetsnav.plan.plan-created.v1";
    private static final String MEASURE_ADDED = "se.trygghetsnav.plan.measure-added.v1";

    @Autowired
    MongoTemplate mongo;

    @LocalServerPort
    int port;

    private final String organisation = "org-" + UUID.randomUUID();

    @Test
    void theGoldenPlanEventsBuildTheProjectionAndDuplicatesOrReplaysChangeNothing() {
        EventContracts contracts = EventContracts.get();
        String planId = "019a8f2e-6a00-7000-8000-000000000188";

        send("019a8f2e-6b1c-7c3a-9d2e-1f0a5b6c7d80", PLAN_CREATED, planId, contracts.goldenExample(PLAN_CREATED));
        send("019a8f2e-6b1c-7c3a-9d2e-1f0a5b6c7d81", MEASURE_ADDED, planId, contracts.goldenExample(MEASURE_ADDED));
        send("019a8f2e-6b1c-7c3a-9d2e-1f0a5b6c7d81", MEASURE_ADDED, planId, contracts.goldenExample(MEASURE_ADDED));
        send("019a8f2e-6b1c-7c3a-9d2e-1f0a5b6c7d80", PLAN_CREATED, planId, contracts.goldenExample(PLAN_CREATED));
        // A later event of the same plan: once it is applied, every copy before it on the partition was handled.
        String laterMeasure = UUID.randomUUID().toString();
        send(UUID.randomUUID().toString(), MEASURE_ADDED, planId, contracts.goldenExample(MEASURE_ADDED)
                .replace("\"aggregateVersion\": 2", "\"aggregateVersion\": 3")
                .replace("019a8f2e-6b1c-7c3a-9d2e-1f0a5b6c7e01", laterMeasure));

        Document plan = await().atMost(Duration.ofSeconds(20)).until(
                () -> TenantScope.callAsOrganisation("0188", () -> mongo.getCollection(ProjectedPlan.COLLECTION)
                        .find(new Document("_id", UUID.fromString(planId))).first()),
                document -> document != null && document.getLong("appliedVersion") == 3L);

        assertThat(plan.getString("title")).isEqualTo("Brottsförebyggande åtgärdsplan 2024–2026");
        assertThat(plan.getString("organisationId")).isEqualTo("0188");
        List<Document> measures = plan.getList("measures", Document.class);
        assertThat(measures).extracting(measure -> measure.get("measureId").toString())
                .containsExactly("019a8f2e-6b1c-7c3a-9d2e-1f0a5b6c7e01", laterMeasure);
        assertThat(measures.getFirst().getString("title")).isEqualTo("Trygghetsvandringar i centrala Norrtälje");
        assertThat(TenantScope.callAsOrganisation("1081", () -> mongo.getCollection(ProjectedPlan.COLLECTION)
                .countDocuments(new Document("_id", UUID.fromString(planId))))).as("another municipality sees nothing").isZero();
    }

    @Test
    void aWholePlanTreeIsProjectedAndShownWithItsUnitsThroughTheApi() {
        Unit ksk = Unit.named("Kommunstyrelsekontoret", "KSK");
        Unit bou = Unit.named("Barn- och utbildningsförvaltningen", "BoU");
        PlanEventStream plan = PlanEventStream.create(organisation, "Trygg kommun 2024–2026");
        UUID area = plan.focusArea("Unga i riskzon",
                PlanEventStream.indicator("Andel elever i åk 9 som känner sig trygga", "Stockholmsenkäten", true));
        UUID problem = plan.problem(area, "Trygghet i skola");
        UUID cause = plan.cause(problem, "Skolan är den vanligaste platsen för grovt våld mot 15-åringar.");
        UUID removedCause = plan.cause(problem, "Ska bort");
        UUID goal = plan.goal(problem, "Fler elever ska känna sig trygga.", "Andel trygga elever", "78 % (2022)", "85 %",
                LocalDate.of(2026, 12, 31));
        MeasureSpec spec = MeasureSpec.dueOn(area, problem, "Rastvärdar", LocalDate.of(2025, 6, 30), ksk, bou)
                .linkedTo(List.of(cause), List.of(goal)).withCriteria("Antal rastvärdar");
        UUID measure = plan.measure(spec);
        plan.changeMeasure(measure, spec.withTitle("Vuxna rastvärdar på alla skolor"));
        plan.removeCause(problem, removedCause);

        JsonNode followup = FollowupApi.as(port, organisation, Role.READER).awaitGet(
                body -> body.path("measures").path(0).path("title").asString().equals("Vuxna rastvärdar på alla skolor")
                        && body.path("focusAreas").path(0).path("problems").path(0).path("causes").size() == 1,
                "/api/v1/plans/{id}/followup", plan.planId());

        assertThat(followup.path("title").asString()).isEqualTo("Trygg kommun 2024–2026");
        assertThat(followup.path("status").asString()).isEqualTo("DRAFT");
        JsonNode projectedArea = followup.path("focusAreas").path(0);
        assertThat(projectedArea.path("name").asString()).isEqualTo("Unga i riskzon");
        assertThat(projectedArea.path("indicators").path(0).path("dataSource").asString()).isEqualTo("Stockholmsenkäten");
        JsonNode projectedProblem = projectedArea.path("problems").path(0);
        assertThat(projectedProblem.path("causes").path(0).path("causeId").asString()).isEqualTo(cause.toString());
        assertThat(projectedProblem.path("goals").path(0).path("baseline").asString()).isEqualTo("78 % (2022)");
        assertThat(projectedProblem.path("goals").path(0).path("targetDate").asString()).isEqualTo("2026-12-31");
        assertThat(projectedProblem.path("measureIds").path(0).asString()).isEqualTo(measure.toString());
        JsonNode projectedMeasure = followup.path("measures").path(0);
        assertThat(projectedMeasure.path("deadline").asString()).isEqualTo("2025-06-30");
        assertThat(projectedMeasure.path("followUpCriteria").path(0).asString()).isEqualTo("Antal rastvärdar");
        assertThat(projectedMeasure.path("responsibleUnits").findValuesAsString("name"))
                .containsExactly("Kommunstyrelsekontoret", "Barn- och utbildningsförvaltningen");
        assertThat(projectedMeasure.path("followUp").path("overdue").asBoolean()).isFalse();

        FollowupApi.as(port, "org-" + UUID.randomUUID(), Role.COORDINATOR).http().get()
                .uri("/api/v1/plans/{id}/followup", plan.planId()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/not-found");
    }

    @Test
    void aDuplicatedOrReplayedPlanEventChangesNothing() {
        Unit ksk = Unit.named("Kommunstyrelsekontoret", "KSK");
        PlanEventStream plan = PlanEventStream.create(organisation, "Plan med dubbletter");
        UUID area = plan.focusArea("Trygghet i offentlig miljö");
        UUID problem = plan.problem(area, "Centrum");
        MeasureSpec spec = MeasureSpec.dueOn(area, problem, "Belysning i parken", LocalDate.of(2025, 10, 1), ksk);
        UUID measure = plan.measure(spec);
        plan.changeMeasure(measure, spec.withTitle("Bättre belysning i parken"));
        Document before = awaitPlanAt(plan.planId(), plan.version());

        // Every event once more, in order, then the first ones again: the measure must not be added twice nor
        // fall back to its first title.
        plan.sent().forEach(plan::resend);
        plan.resend(plan.sent().get(3));
        plan.updateTitle("Plan med dubbletter, reviderad text");
        Document after = awaitPlanAt(plan.planId(), plan.version());

        assertThat(after.getString("title")).isEqualTo("Plan med dubbletter, reviderad text");
        after.remove("title");
        after.remove("appliedVersion");
        before.remove("title");
        before.remove("appliedVersion");
        assertThat(after).isEqualTo(before);
        assertThat(after.getList("measures", Document.class)).singleElement()
                .satisfies(projected -> assertThat(projected.getString("title")).isEqualTo("Bättre belysning i parken"));
    }

    @Test
    void aMalformedPlanEventGoesAloneToTheDeadLetterTopicAndTheEventsAroundItAreApplied() {
        PlanEventStream plan = PlanEventStream.create(organisation, "Plan med ett trasigt meddelande");
        plan.focusArea("Trygghet i offentlig miljö");
        String malformedId = UUID.randomUUID().toString();
        // Consumed in batches: the broken record sits between its plan's events, in the same poll or the next.
        send(malformedId, "se.trygghetsnav.plan.measure-added.v1", plan.planId().toString(), "{\"title\": 42}");
        plan.updateTitle("Plan med ett trasigt meddelande, fortsatt");

        Document projected = awaitPlanAt(plan.planId(), plan.version());

        assertThat(projected.getString("title")).isEqualTo("Plan med ett trasigt meddelande, fortsatt");
        assertThat(projected.getList("focusAreas", Document.class)).hasSize(1);
        try (KafkaTopicReader deadLetters = KafkaTopicReader.fromBeginning("plan.events.followup-service.dlt")) {
            deadLetters.await(record -> malformedId.equals(KafkaTopicReader.header(record, "ce_id")), 1, Duration.ofSeconds(30));
            assertThat(deadLetters.readUntilQuiet(record -> plan.planId().toString().equals(KafkaTopicReader.header(record,
                    "ce_subject")), Duration.ofSeconds(2)))
                    .as("only the malformed record of the plan is dead-lettered")
                    .singleElement()
                    .satisfies(record -> assertThat(KafkaTopicReader.header(record, "ce_id")).isEqualTo(malformedId));
        }
    }

    @Test
    void aChangedUnitShowsItsNewNameAndContactsOnTheMeasuresNamingItAndAnOlderUnitEventChangesNothing() {
        Unit kof = Unit.named("Kultur och fritid", "KoF");
        PlanEventStream plan = PlanEventStream.create(organisation, "Plan med enheter");
        UUID area = plan.focusArea("Unga i riskzon");
        UUID problem = plan.problem(area, "Fritid");
        plan.measure(MeasureSpec.dueOn(area, problem, "Öppen fritidsgård fredagar", LocalDate.of(2025, 12, 31), kof));
        FollowupApi api = FollowupApi.as(port, organisation, Role.COORDINATOR);
        api.awaitGet(body -> body.path("measures").size() == 1, "/api/v1/plans/{id}/followup", plan.planId());

        kof.announce(organisation, 3, "Kultur- och fritidsförvaltningen", "fritid@kommun.example.se");
        kof.announce(organisation, 2, "Ett äldre namn", "gammal@kommun.example.se");

        JsonNode unit = api.awaitGet(body -> body.path("measures").path(0).path("responsibleUnits").path(0).path("name")
                .asString().equals("Kultur- och fritidsförvaltningen"), "/api/v1/plans/{id}/followup", plan.planId())
                .path("measures").path(0).path("responsibleUnits").path(0);
        assertThat(unit.path("contactEmails").path(0).asString()).isEqualTo("fritid@kommun.example.se");
        assertThat(unit.path("managerEmail").asString()).isEqualTo("chef.fritid@kommun.example.se");
        Document stored = awaitUnit(kof.unitId(), 3);
        assertThat(stored.getString("name")).isEqualTo("Kultur- och fritidsförvaltningen");
    }

    @Test
    void adoptionPutsMeasuresInForceAndTheNextAdoptedRevisionTakesThemOverOrDropsThem() {
        Unit ksk = Unit.named("Kommunstyrelsekontoret", "KSK");
        PlanEventStream first = PlanEventStream.create(organisation, "Plan i två revisioner");
        UUID area = first.focusArea("Trygghet");
        UUID problem = first.problem(area, "Centrum");
        UUID kept = first.measure(MeasureSpec.dueOn(area, problem, "Kvarstår", LocalDate.of(2025, 5, 1), ksk));
        UUID dropped = first.measure(MeasureSpec.dueOn(area, problem, "Tas bort", LocalDate.of(2025, 5, 1), ksk));
        FollowupApi api = FollowupApi.as(port, organisation, Role.UNIT_USER);
        api.awaitGet(body -> body.path("measures").size() == 2, "/api/v1/plans/{id}/followup", first.planId());
        assertThat(api.getOrNull("/api/v1/measures/{id}/followup", kept)).as("a draft's measure is not followed up").isNull();

        first.adopt(LocalDate.of(2024, 3, 1));
        JsonNode inForce = api.awaitGet(body -> body.path("inForce").asBoolean(), "/api/v1/measures/{id}/followup", kept);
        assertThat(inForce.path("planId").asString()).isEqualTo(first.planId().toString());
        assertThat(inForce.path("measure").path("title").asString()).isEqualTo("Kvarstår");

        PlanEventStream second = first.draftRevision();
        second.removeMeasure(area, problem, dropped);
        second.changeMeasure(kept, MeasureSpec.dueOn(area, problem, "Kvarstår, senare", LocalDate.of(2026, 5, 1), ksk));
        second.adopt(LocalDate.of(2025, 1, 10), first);
        first.archive("SUPERSEDED", second);

        JsonNode handedOver = api.awaitGet(body -> body.path("planId").asString().equals(second.planId().toString()),
                "/api/v1/measures/{id}/followup", kept);
        assertThat(handedOver.path("revision").asInt()).isEqualTo(2);
        assertThat(handedOver.path("inForce").asBoolean()).isTrue();
        assertThat(handedOver.path("measure").path("deadline").asString()).isEqualTo("2026-05-01");
        JsonNode gone = api.awaitGet(body -> !body.path("inForce").asBoolean(), "/api/v1/measures/{id}/followup", dropped);
        assertThat(gone.path("notInForceReason").asString()).isEqualTo("REMOVED");
        assertThat(gone.path("planId").asString()).isEqualTo(first.planId().toString());
        assertThat(api.awaitGet(body -> body.path("status").asString().equals("SUPERSEDED"), "/api/v1/plans/{id}/followup",
                first.planId()).path("measures").size()).isEqualTo(2);
    }

    @Test
    void everyGoldenPlanEventIsReadAndApplied() {
        EventContracts contracts = EventContracts.get();
        List<String> planEventTypes = contracts.eventTypes().stream()
                .filter(type -> contracts.topicOf(type).equals("plan.events")).toList();
        assertThat(planEventTypes).hasSize(22);
        for (String type : planEventTypes) {
            String example = contracts.goldenExample(type);
            JsonNode golden = FollowupApi.json(example.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String aggregate = UUID.randomUUID().toString();
            String json = example.replace(golden.path("aggregateId").asString(), aggregate);
            send(UUID.randomUUID().toString(), type, aggregate, json);
            String collection = type.contains("org-unit") ? ProjectedUnit.COLLECTION : ProjectedPlan.COLLECTION;
            long version = golden.path("aggregateVersion").asLong();
            await().atMost(Duration.ofSeconds(20)).alias(type).until(() -> TenantScope.callAsSystem(() -> mongo
                    .getCollection(collection).find(new Document("_id", UUID.fromString(aggregate))).first()),
                    document -> document != null && document.getLong("appliedVersion") == version);
        }
    }

    @Test
    void theProjectionIsRebuiltFromTheTopicByAConsumerGroupStartingAtTheFirstOffset() {
        Unit ksk = Unit.named("Kommunstyrelsekontoret", "KSK");
        PlanEventStream plan = PlanEventStream.create(organisation, "Plan att bygga om");
        UUID area = plan.focusArea("Trygghet", PlanEventStream.indicator("Andel trygga", "NTU", true));
        UUID problem = plan.problem(area, "Centrum");
        plan.goal(problem, "Tryggare centrum", "Andel trygga", "60 %", "70 %", LocalDate.of(2026, 12, 31));
        UUID measure = plan.measure(MeasureSpec.dueOn(area, problem, "Belysning", LocalDate.of(2026, 10, 1), ksk));
        plan.changeMeasure(measure, MeasureSpec.dueOn(area, problem, "Bättre belysning", LocalDate.of(2026, 10, 1), ksk));
        plan.adopt(LocalDate.of(2025, 2, 1));
        ksk.announce(organisation, 2, "Kommunledningskontoret", "kansli@kommun.example.se");
        Document projected = awaitPlanAt(plan.planId(), plan.version());
        Document unit = awaitUnit(ksk.unitId(), 2);

        // As the README says: drop what is projected (here only this plan's and unit's documents, other tests share the
        // database) and let a consumer group that has never read plan.events read it from its first offset.
        TenantScope.runAsSystem(() -> {
            mongo.getCollection(ProjectedPlan.COLLECTION).deleteOne(new Document("_id", plan.planId()));
            mongo.getCollection(ProjectedUnit.COLLECTION).deleteOne(new Document("_id", ksk.unitId()));
        });
        List<String> arguments = new java.util.ArrayList<>();
        se.trygghetsnav.testkit.TestInfrastructure.get().springProperties()
                .forEach((key, value) -> arguments.add("--" + key + "=" + value));
        arguments.add("--spring.cloud.stream.bindings.planEvents-in-0.group=followup-rebuild-" + UUID.randomUUID());
        arguments.add("--spring.jmx.enabled=false");
        try (var rebuilding = new org.springframework.boot.builder.SpringApplicationBuilder(
                se.trygghetsnav.followup.FollowupServiceApplication.class).run(arguments.toArray(String[]::new))) {
            assertThat(awaitPlanAt(plan.planId(), plan.version())).isEqualTo(projected);
            assertThat(awaitUnit(ksk.unitId(), 2)).isEqualTo(unit);
        }
    }

    private Document awaitPlanAt(UUID planId, long version) {
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> TenantScope.callAsSystem(() -> mongo.getCollection(ProjectedPlan.COLLECTION)
                        .find(new Document("_id", planId)).first()),
                document -> document != null && document.getLong("appliedVersion") == version);
    }

    private Document awaitUnit(UUID unitId, long version) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> TenantScope.callAsSystem(() -> mongo.getCollection(ProjectedUnit.COLLECTION)
                        .find(new Document("_id", unitId)).first()),
                document -> document != null && document.getLong("appliedVersion") == version);
    }

    private static void send(String eventId, String type, String planId, String json) {
        KafkaTestProducer.sendCloudEvent("plan.events", eventId, type, planId, json);
    }
}
