package se.trygghetsnav.plan.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import se.trygghetsnav.commons.outbox.PendingEvent;
import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.testkit.KafkaTopicReader;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay against what a mass import leaves behind: many aggregates each holding hundreds of pending events,
 * together far more than one MongoDB reply may carry (48 MB).
 */
@SpringBootTest
@UseTestInfrastructure
class OutboxRelayIntegrationTest {

    private static final int AGGREGATES = 50;
    private static final int EVENTS_EACH = 100;
    private static final int PAYLOAD_CHARS = 10_000;

    @Autowired
    MongoTemplate mongo;

    @Test
    void relaysAggregatesWhosePendingEventsTogetherExceedOneMongoReply() {
        String organisation = "org-" + UUID.randomUUID();
        String padding = "x".repeat(PAYLOAD_CHARS);
        Set<String> eventIds = new HashSet<>();
        List<Document> aggregates = new ArrayList<>();
        for (int a = 0; a < AGGREGATES; a++) {
            UUID aggregateId = UUID.randomUUID();
            List<Document> pending = new ArrayList<>();
            for (int v = 1; v <= EVENTS_EACH; v++) {
                UUID eventId = UUID.randomUUID();
                eventIds.add(eventId.toString());
                pending.add(new Document("eventId", eventId).append("type", "se.trygghetsnav.plan.plan-updated.v1")
                        .append("aggregateId", aggregateId).append("aggregateVersion", (long) v)
                        .append("occurredAt", Instant.now())
                        .append("payload", "{\"aggregateId\":\"" + aggregateId + "\",\"padding\":\"" + padding + "\"}")
                        .append("actorSubject", PendingEvent.SYSTEM_ACTOR).append("actorOrganisation", organisation));
            }
            aggregates.add(new Document("_id", aggregateId).append("organisationId", organisation)
                    .append("version", (long) EVENTS_EACH).append(PendingEvent.FIELD, pending));
        }
        assertThat((long) AGGREGATES * EVENTS_EACH * PAYLOAD_CHARS).isGreaterThan(48_000_000L);

        try (KafkaTopicReader reader = KafkaTopicReader.fromBeginning("plan.events")) {
            TenantScope.runAsSystem(() -> mongo.insert(aggregates, "action_plans"));

            var relayed = reader.await(record -> eventIds.contains(KafkaTopicReader.header(record, "ce_id")),
                    eventIds.size(), Duration.ofSeconds(120));

            assertThat(relayed).hasSize(eventIds.size());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TenantScope.callAsOrganisation(organisation,
                () -> mongo.count(Query.query(Criteria.where(PendingEvent.FIELD + ".eventId").exists(true)
                        .and("organisationId").is(organisation)), "action_plans"))).isZero());
    }
}
