package se.trygghetsnav.followup.evidence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import se.trygghetsnav.commons.security.Role;
import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.contracts.EventContracts;
import se.trygghetsnav.followup.testing.AdoptedPlan;
import se.trygghetsnav.followup.testing.FollowupApi;
import se.trygghetsnav.testkit.KafkaTestProducer;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * est.events as est-lagesbild-service publishes them (CloudEvents in binary mode, keyed by the week report,
 * every payload checked against its contract) reach the measures' follow-up views as evidence.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class EstEvidenceIntegrationTest {

    private static final String TOPIC = "est.events";
    private static final String DECISION_MADE = "se.trygghetsnav.est.decision-made.v1";
    private static final String FOLLOWED_UP = "se.trygghetsnav.est.decision-followed-up.v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MongoTemplate mongo;

    @LocalServerPort
    int port;

    @Test
    void theGoldenDecisionAndItsFollowUpAreReadAsEvidence() {
        AdoptedPlan plan = AdoptedPlan.draft("Trygg kommun");
        UUID measure = plan.measure(plan.dueOn("Riktad närvaro i centrum", LocalDate.of(2026, 12, 31), plan.ksk));
        plan.adoptAndAwait(port);
        EventContracts contracts = EventContracts.get();
        for (String type : new String[] {DECISION_MADE, FOLLOWED_UP}) {
            // The golden example as it is, only naming this test's organisation, plan and measure.
            String example = contracts.goldenExample(type);
            JsonNode golden = FollowupApi.json(example.getBytes(StandardCharsets.UTF_8));
            String json = example.replace(golden.path("measureId").asString(), measure.toString())
                    .replace(golden.path("planId").asString(), plan.planId().toString())
                    .replace("\"" + golden.path("organisationId").asString() + "\"", "\"" + plan.organisation + "\"");
            assertThat(contracts.validate(type, json)).isEmpty();
            KafkaTestProducer.sendCloudEvent(TOPIC, golden.path("eventId").asString(), type,
                    golden.path("aggregateId").asString(), json);
        }

        JsonNode evidence = FollowupApi.as(port, plan.organisation, Role.COORDINATOR).awaitGet(
                body -> body.path("measure").path("evidence").path(0).path("decision").isObject()
                        && body.path("measure").path("evidence").path(0).path("followUp").isObject(),
                "/api/v1/measures/{id}/followup", measure).path("measure").path("evidence").path(0);
        assertThat(evidence.path("decisionId").asString()).isEqualTo("019a8f2e-7000-7000-8000-00000000e5d1");
        assertThat(evidence.path("groupId").asString()).isEqualTo("019a8f2e-7000-7000-8000-00000000e571");
        assertThat(evidence.path("decidedInWeek").asString()).isEqualTo("2026-W47");
        assertThat(evidence.path("kind").asString()).isEqualTo("TARGETED_PRESENCE");
        JsonNode decision = evidence.path("decision");
        assertThat(decision.path("area").asString()).isEqualTo("Centrum");
        assertThat(decision.path("startDate").asString()).isEqualTo("2026-11-27");
        assertThat(decision.path("endDate").asString()).isEqualTo("2026-11-28");
        assertThat(decision.path("timeBand").asString()).isEqualTo("EVENING");
        assertThat(decision.path("responsibleName").asString()).isEqualTo("Polisen, lokalpolisområde Norrtälje");
        assertThat(decision.path("responsibleOrganisationId").asString()).isEqualTo("polisen-lpo-norrtalje");
        assertThat(Instant.parse(decision.path("decidedAt").asString())).isEqualTo(Instant.parse("2026-11-24T10:40:00Z"));
        JsonNode followUp = evidence.path("followUp");
        assertThat(followUp.path("outcome").asString()).isEqualTo("DONE");
        assertThat(followUp.path("recordedInWeek").asString()).isEqualTo("2026-W48");
        assertThat(Instant.parse(followUp.path("recordedAt").asString())).isEqualTo(Instant.parse("2026-12-01T10:20:00Z"));
        assertThat(followUp.path("note").asString()).isEqualTo("Genomförd fredag och lördag, lugnt efter kl. 22.");
    }

    @Test
    void aLinkedDecisionShowsOnItsMeasureWithItsFollowUpWhileDuplicatesAndOtherOrganisationsChangeNothing() {
        AdoptedPlan plan = AdoptedPlan.draft("Trygg kommun");
        UUID measure = plan.measure(plan.dueOn("Trygghetsvandringar", LocalDate.of(2026, 12, 31), plan.ksk));
        plan.adoptAndAwait(port);
        AdoptedPlan neighbour = AdoptedPlan.draft("Grannkommunens plan");
        UUID neighbours = neighbour.measure(neighbour.dueOn("Belysning", LocalDate.of(2026, 12, 31), neighbour.ksk));
        neighbour.adoptAndAwait(port);

        EstWeek w47 = new EstWeek(plan.organisation, "2026-W47");
        EstWeek w48 = new EstWeek(plan.organisation, "2026-W48");
        UUID decision = UUID.randomUUID();
        UUID foreign = UUID.randomUUID();
        UUID unlinked = UUID.randomUUID();
        UUID later = UUID.randomUUID();

        Sent made = w47.decisionMade(decision, measure, plan.planId());
        w47.decisionMade(foreign, neighbours, neighbour.planId());
        w47.decisionMade(unlinked, null, null);
        Sent followedUp = w48.followedUp(decision, w47, measure, plan.planId(), "NOT_DONE");
        w48.followedUp(foreign, w47, neighbours, neighbour.planId(), "DONE");
        // Duplicates, then a later decision on each partition: once it shows, everything before it was handled.
        made.resend();
        followedUp.resend();
        w47.decisionMade(later, measure, plan.planId());
        w48.followedUp(later, w47, measure, plan.planId(), "PARTLY_DONE");

        FollowupApi api = FollowupApi.as(port, plan.organisation, Role.COORDINATOR);
        JsonNode evidence = api.awaitGet(body -> body.path("measure").path("evidence").size() == 2
                && body.path("measure").path("evidence").findValues("followUp").stream().allMatch(JsonNode::isObject)
                && body.path("measure").path("evidence").findValues("decision").stream().allMatch(JsonNode::isObject),
                "/api/v1/measures/{id}/followup", measure).path("measure").path("evidence");
        assertThat(evidence.findValuesAsString("decisionId")).containsExactlyInAnyOrder(decision.toString(), later.toString());
        JsonNode first = evidence.path(0).path("decisionId").asString().equals(decision.toString()) ? evidence.path(0)
                : evidence.path(1);
        assertThat(first.path("decidedInWeek").asString()).isEqualTo("2026-W47");
        assertThat(first.path("kind").asString()).isEqualTo("SAFETY_WALK");
        assertThat(first.path("decision").path("area").asString()).isEqualTo("Centrum");
        assertThat(first.path("decision").path("responsibleName").asString()).isEqualTo("Kommunstyrelsekontoret");
        assertThat(first.path("followUp").path("outcome").asString()).isEqualTo("NOT_DONE");
        assertThat(first.path("followUp").path("recordedInWeek").asString()).isEqualTo("2026-W48");

        JsonNode planView = api.awaitGet(body -> true, "/api/v1/plans/{id}/followup", plan.planId());
        assertThat(planView.path("measures").path(0).path("evidence").findValuesAsString("decisionId"))
                .containsExactlyInAnyOrder(decision.toString(), later.toString());

        assertThat(FollowupApi.as(port, neighbour.organisation, Role.COORDINATOR)
                .getOrNull("/api/v1/measures/{id}/followup", neighbours).path("measure").path("evidence").size())
                .as("another organisation's decision is not attached to the neighbour's measure").isZero();
        assertThat(TenantScope.callAsSystem(() -> mongo.getCollection(MeasureEvidence.COLLECTION).countDocuments(
                new Document("_id", new Document("$in", java.util.List.of(foreign, unlinked))))))
                .as("neither the foreign nor the unlinked decision is stored anywhere").isZero();
    }

    /** One EST group's week report, as est-lagesbild-service keys and versions its events. */
    private static final class EstWeek {

        final String organisation;
        final String isoWeek;
        final UUID reportId = UUID.randomUUID();
        final UUID groupId = UUID.randomUUID();
        long version = 5;

        EstWeek(String organisation, String isoWeek) {
            this.organisation = organisation;
            this.isoWeek = isoWeek;
        }

        Sent decisionMade(UUID decisionId, UUID measureId, UUID planId) {
            Map<String, Object> payload = envelope();
            payload.put("decisionId", decisionId);
            payload.put("kind", "SAFETY_WALK");
            payload.put("area", "Centrum");
            payload.put("startDate", "2026-11-27");
            payload.put("timeBand", "EVENING");
            payload.put("responsibleMemberId", UUID.randomUUID());
            payload.put("responsibleName", "Kommunstyrelsekontoret");
            if (measureId != null) {
                payload.put("measureId", measureId);
                payload.put("planId", planId);
            }
            return send(DECISION_MADE, payload);
        }

        Sent followedUp(UUID decisionId, EstWeek decidedIn, UUID measureId, UUID planId, String outcome) {
            Map<String, Object> payload = envelope();
            payload.put("decisionId", decisionId);
            payload.put("decidedInWeek", decidedIn.isoWeek);
            payload.put("decidedInWeekReportId", decidedIn.reportId);
            payload.put("kind", "SAFETY_WALK");
            payload.put("outcome", outcome);
            payload.put("note", "Konfidentiell anteckning");
            payload.put("measureId", measureId);
            payload.put("planId", planId);
            return send(FOLLOWED_UP, payload);
        }

        private Map<String, Object> envelope() {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("eventId", UUID.randomUUID());
            payload.put("aggregateId", reportId);
            payload.put("aggregateVersion", ++version);
            payload.put("organisationId", organisation);
            payload.put("occurredAt", Instant.parse("2026-11-24T10:00:00Z").plusSeconds(version));
            payload.put("groupId", groupId);
            payload.put("isoWeek", isoWeek);
            return payload;
        }

        private Sent send(String type, Map<String, Object> payload) {
            String json = JSON.writeValueAsString(payload);
            assertThat(EventContracts.get().validate(type, json)).as("the test's own %s event", type).isEmpty();
            Sent sent = new Sent(payload.get("eventId").toString(), type, reportId.toString(), json);
            sent.resend();
            return sent;
        }
    }

    private record Sent(String eventId, String type, String key, String json) {

        void resend() {
            KafkaTestProducer.sendCloudEvent(TOPIC, eventId, type, key, json);
        }
    }
}
