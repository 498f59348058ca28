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

import se.trygghetsnav.commons.aggregate.AggregateStores;
import se.trygghetsnav.commons.outbox.PendingAggregates;
import se.trygghetsnav.commons.outbox.PendingEvent;
import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.testkit.KafkaTopicReader;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay against what a mass import leaves behind: many aggregates each holding hundreds of pending events,
 * together far more than one MongoDB reply may carry (48 MB); and against a writer that died between storing its
 * events and marking its aggregate in the relay's work list. The sweep that finds those runs every two seconds here
 * (30 s by default).
 */
@SpringBootTest(properties = "trygghetsnav.outbox.sweep-interval=2s")
@UseTestInfrastructure
class OutboxRelayIntegrationTest {

    private static final int AGGREGATES = 50;
    private static final int EVENTS_EACH = 100;
    private static final int PAYLOAD_CHARS = 10_000;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    AggregateStores stores;

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
            TenantScope.runAsSystem(() -> {
                mongo.insert(aggregates, "action_plans");
                aggregates.forEach(aggregate -> stores.pendingEventsStored("action_plans", aggregate.get("_id"), EVENTS_EACH));
            });

            var relayed = reader.await(record -> eventIds.contains(KafkaTopicReader.header(record, "ce_id")),
                    eventIds.size(), Duration.ofSeconds(120));

            assertThat(relayed).hasSize(eventIds.size());
        }
        awaitNothingPendingOf(organisation, aggregates);
    }

    @Test
    void relaysEventsWhoseWriterDiedBeforeMarkingTheirAggregate() {
        String organisation = "org-" + UUID.randomUUID();
        UUID aggregateId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        Document aggregate = new Document("_id", aggregateId).append("organisationId", organisation)
                .append("version", 1L).append(PendingEvent.FIELD, List.of(new Document("eventId", eventId)
                        .append("type", "se.trygghetsnav.plan.plan-updated.v1").append("aggregateId", aggregateId)
                        .append("aggregateVersion", 1L).append("occurredAt", Instant.now())
                        .append("payload", "{\"aggregateId\":\"" + aggregateId + "\"}")
                        .append("actorSubject", PendingEvent.SYSTEM_ACTOR).append("actorOrganisation", organisation)));

        try (KafkaTopicReader reader = KafkaTopicReader.fromBeginning("plan.events")) {
            // Stored with its event and never marked: what a crash between the write and the mark leaves.
            TenantScope.runAsSystem(() -> mongo.insert(aggregate, "action_plans"));

            var relayed = reader.await(record -> eventId.toString().equals(KafkaTopicReader.header(record, "ce_id")), 1,
                    Duration.ofSeconds(30));

            assertThat(relayed).hasSize(1);
        }
        awaitNothingPendingOf(organisation, List.of(aggregate));
    }

    /** Neither the aggregates' pending events nor their markers in the relay's work list are left. */
    private void awaitNothingPendingOf(String organisation, List<Document> aggregates) {
        List<String> markers = aggregates.stream().map(aggregate -> "action_plans/" + aggregate.get("_id")).toList();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(TenantScope.callAsOrganisation(organisation,
                    () -> mongo.count(Query.query(Criteria.where(PendingEvent.FIELD + ".eventId").exists(true)
                            .and("organisationId").is(organisation)), "action_plans"))).isZero();
            assertThat(TenantScope.callAsSystem(() -> mongo.count(Query.query(Criteria.where("_id").in(markers)),
                    PendingAggregates.COLLECTION))).isZero();
        });
    }
}
