package se.trygghetsnav.est.measurelink;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.contracts.EventContracts;
import se.trygghetsnav.testkit.KafkaTestProducer;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class LinkableMeasuresIntegrationTest {

    private static final String MEASURE_ADDED = "se.trygghetsnav.plan.measure-added.v1";

    @Autowired
    MongoTemplate mongo;

    @Test
    void theGoldenMeasureAddedExampleMakesTheMeasureLinkableOnceHoweverOftenItArrives() {
        String golden = EventContracts.get().goldenExample(MEASURE_ADDED);
        String planId = "019a8f2e-6a00-7000-8000-000000000188";
        UUID measureId = UUID.fromString("019a8f2e-6b1c-7c3a-9d2e-1f0a5b6c7e01");
        KafkaTestProducer.sendCloudEvent("plan.events", "019a8f2e-6b1c-7c3a-9d2e-1f0a5b6c7d81", MEASURE_ADDED, planId, golden);
        KafkaTestProducer.sendCloudEvent("plan.events", "019a8f2e-6b1c-7c3a-9d2e-1f0a5b6c7d81", MEASURE_ADDED, planId, golden);
        UUID later = UUID.randomUUID();
        KafkaTestProducer.sendCloudEvent("plan.events", UUID.randomUUID().toString(), MEASURE_ADDED, planId,
                golden.replace(measureId.toString(), later.toString()));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> TenantScope.callAsOrganisation("0188", () -> mongo.findById(later, LinkableMeasure.class)) != null);
        LinkableMeasure measure = TenantScope.callAsOrganisation("0188", () -> mongo.findById(measureId, LinkableMeasure.class));
        assertThat(measure).isNotNull();
        assertThat(measure.title()).isEqualTo("Trygghetsvandringar i centrala Norrtälje");
        assertThat(measure.planId()).isEqualTo(UUID.fromString(planId));
        assertThat(measure.organisationId()).isEqualTo("0188");
        assertThat(measure.sourceEventId()).isEqualTo("019a8f2e-6b1c-7c3a-9d2e-1f0a5b6c7d81");
        assertThat(TenantScope.callAsOrganisation("0188", () -> mongo.count(
                Query.query(Criteria.where("planId").is(UUID.fromString(planId))), LinkableMeasure.class))).isEqualTo(2);
        assertThat(TenantScope.callAsOrganisation("1081", () -> mongo.findById(measureId, LinkableMeasure.class))).isNull();
    }
}
