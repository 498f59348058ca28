package se.trygghetsnav.followup.planprojection;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.contracts.EventContracts;
import se.trygghetsnav.testkit.KafkaTestProducer;
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
                () -> TenantScope.callAsOrganisation("0188", () -> mongo.getCollection(PlanProjection.COLLECTION)
                        .find(new Document("_id", UUID.fromString(planId))).first()),
                document -> document != null && document.getLong("appliedVersion") == 3L);

        assertThat(plan.getString("title")).isEqualTo("Brottsförebyggande åtgärdsplan 2024–2026");
        assertThat(plan.getString("organisationId")).isEqualTo("0188");
        List<Document> measures = plan.getList("measures", Document.class);
        assertThat(measures).extracting(measure -> measure.get("measureId").toString())
                .containsExactly("019a8f2e-6b1c-7c3a-9d2e-1f0a5b6c7e01", laterMeasure);
        assertThat(measures.getFirst().getString("title")).isEqualTo("Trygghetsvandringar i centrala Norrtälje");
        assertThat(TenantScope.callAsOrganisation("1081", () -> mongo.getCollection(PlanProjection.COLLECTION)
                .countDocuments(new Document("_id", UUID.fromString(planId))))).as("another municipality sees nothing").isZero();
    }

    private static void send(String eventId, String type, String planId, String json) {
        KafkaTestProducer.sendCloudEvent("plan.events", eventId, type, planId, json);
    }
}
