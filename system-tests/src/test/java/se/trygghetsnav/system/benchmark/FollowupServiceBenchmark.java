package se.trygghetsnav.system.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.UuidRepresentation;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.trygghetsnav.contracts.EventContracts;
import se.trygghetsnav.followup.FollowupServiceApplication;
import se.trygghetsnav.followup.overdue.OverdueSweep;
import se.trygghetsnav.plandocument.PlanDocument;
import se.trygghetsnav.plandocument.PlanDocumentEvents;

import static se.trygghetsnav.system.benchmark.BenchmarkInfrastructure.seconds;

/**
 * The followup-service figures of issue 5: the projection catching up with a topic of 290 plans x 300 measures
 * (87,000 measures, every measure with a due date) from an empty database, and the overdue sweep on a day when 1 %
 * of the measures fall due, then with 10x more measures stored and the same number falling due, and with 10x
 * falling due. Beside them the raw baselines on the same servers: a plain consumer reading the same topic, and a
 * plain driver doing one read and one write per measure falling due.
 *
 * <p>The plans are SyntheticPlans' documents with every schedule a due date, sent as plan-service sends them
 * (PlanDocumentEvents; one event of each type is validated against event-contracts' schema) straight to a fresh
 * topic with a plain producer; followup-service reads that topic as its plan.events. Its clock is this class's:
 * 2025-01-01 while it catches up (every deadline ahead, so each goes into the due calendar), then 08:00 on each
 * sweep day. The 10x measures for the second and third sweeps are stored directly in the projection's shape
 * ({@link #seedMore}). Run: {@code ./mvnw -q -pl system-tests test-compile exec:java
 * -Dbenchmark.main=se.trygghetsnav.system.benchmark.FollowupServiceBenchmark} after an install (README).
 */
public final class FollowupServiceBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final String DATABASE = "trygghetsnav-followup-benchmark";
    private static final String GROUP = "followup-service";
    /** The deadlines of the three sweeps; each sweep runs the day after (the check day). */
    private static final LocalDate SAME_DUE_SMALL = LocalDate.of(2025, 6, 15);
    private static final LocalDate SAME_DUE_LARGE = LocalDate.of(2025, 7, 15);
    private static final LocalDate TEN_TIMES_DUE = LocalDate.of(2025, 8, 15);
    /** The other deadlines spread over 120 days from here. */
    private static final LocalDate SPREAD_FROM = LocalDate.of(2025, 9, 1);
    private static final MutableClock CLOCK = new MutableClock();

    private FollowupServiceBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkInfrastructure.runAndExit(FollowupServiceBenchmark::run);
    }

    private static void run() throws Exception {
        int municipalities = Integer.getInteger("municipalities", 290);
        int measuresPerPlan = Integer.getInteger("measuresPerPlan", 300);
        int scale = Integer.getInteger("scale", 10);
        long measures = (long) municipalities * measuresPerPlan;
        String topic = "benchmark.plan.events." + System.currentTimeMillis();

        Map<String, Object> properties = BenchmarkInfrastructure.properties(DATABASE);
        String mongoUri = (String) properties.get("spring.mongodb.uri");
        String kafka = (String) properties.get("spring.kafka.bootstrap-servers");
        properties.put("spring.cloud.stream.bindings.planEvents-in-0.destination", topic);
        properties.put("spring.cloud.stream.kafka.bindings.planEvents-in-0.consumer.dlq-name", topic + ".dlt");
        properties.put("trygghetsnav.followup.overdue.sweep-enabled", false);
        // Each timed sweep reads its own day only (the sweep state is cleared before it).
        properties.put("trygghetsnav.followup.overdue.first-sweep-lookback", "0d");
        System.out.printf("%nfollowup-service benchmark: %d municipalities x %d measures (then x%d), topic %s, MongoDB %s, Kafka %s%n",
                municipalities, measuresPerPlan, scale, topic, mongoUri, kafka);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka));
                MongoClient mongo = MongoClients.create(MongoClientSettings.builder()
                        .applyConnectionString(new ConnectionString(mongoUri))
                        .uuidRepresentation(UuidRepresentation.STANDARD).build());
                KafkaProducer<String, byte[]> producer = producer(kafka)) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
            MongoDatabase database = mongo.getDatabase(DATABASE);
            database.drop();

            long produceStart = System.nanoTime();
            long events = produce(producer, topic, 0, municipalities, measuresPerPlan);
            double produceSeconds = seconds(System.nanoTime() - produceStart);
            System.out.printf("Produced %,d plan events in %.1f s%n", events, produceSeconds);
            double plainConsumerSeconds = plainConsumer(kafka, topic, events);

            CLOCK.set(LocalDate.of(2025, 1, 1));
            long catchUpStart = System.nanoTime();
            try (ConfigurableApplicationContext followup = new SpringApplicationBuilder(FollowupServiceApplication.class,
                    BenchmarkClock.class).run(BenchmarkInfrastructure.arguments(properties))) {
                double startedSeconds = seconds(System.nanoTime() - catchUpStart);
                awaitCaughtUp(admin, topic, database, measures);
                double catchUpSeconds = seconds(System.nanoTime() - catchUpStart);
                System.out.printf("Caught up with %,d events in %.1f s (%.1f s of it starting the service)%n", events,
                        catchUpSeconds, startedSeconds);
                OverdueSweep sweep = followup.getBean(OverdueSweep.class);
                Sweep small = sweep(sweep, database, SAME_DUE_SMALL);
                double baselineSmall = baselineJudging(database, small.ids());

                long moreStart = System.nanoTime();
                long more = seedMore(database, municipalities, municipalities * (scale - 1), measuresPerPlan);
                double moreSeconds = seconds(System.nanoTime() - moreStart);
                System.out.printf("Stored %,d more measures in %.1f s%n", more, moreSeconds);
                Sweep sameDue = sweep(sweep, database, SAME_DUE_LARGE);
                Sweep tenTimesDue = sweep(sweep, database, TEN_TIMES_DUE);
                double baselineTenTimes = baselineJudging(database, tenTimesDue.ids());

                System.out.printf("%n| figure | ours | raw baseline | ours / baseline |%n|---|---|---|---|%n");
                System.out.printf("| projection catch-up from an empty database (%,d plan events, %,d measures; from starting the service) | %.1f s, %,.0f events/s | %.1f s, %,.0f records/s (plain consumer reading the topic) | %.1f |%n",
                        events, measures, catchUpSeconds, events / catchUpSeconds, plainConsumerSeconds,
                        events / plainConsumerSeconds, catchUpSeconds / plainConsumerSeconds);
                System.out.printf("| the same, less the service's start (%.1f s) | %.1f s, %,.0f events/s | | |%n",
                        startedSeconds, catchUpSeconds - startedSeconds, events / (catchUpSeconds - startedSeconds));
                printSweep(small, measures, baselineSmall);
                printSweep(sameDue, measures * scale, Double.NaN);
                printSweep(tenTimesDue, measures * scale, baselineTenTimes);
                System.out.printf("Targets: the whole topic in under 60 s; the sweep under 5 s, its time following what falls due.%n%n");
            }
        }
    }

    private static void printSweep(Sweep sweep, long stored, double baseline) {
        System.out.printf("| overdue sweep on %s: %,d of %,d measures stored fall due | %.2f s (%,d judged, %d failed) | %s | %s |%n",
                sweep.day(), sweep.ids().size(), stored, sweep.seconds(), sweep.entries(), sweep.failed(),
                Double.isNaN(baseline) ? "" : "%.2f s (plain driver: read and write per measure)".formatted(baseline),
                Double.isNaN(baseline) ? "" : "%.1f".formatted(sweep.seconds() / baseline));
    }

    private record Sweep(LocalDate day, List<UUID> ids, double seconds, int entries, int failed) {
    }

    /** Sweeps the day after {@code deadline}, reading that day only. */
    private static Sweep sweep(OverdueSweep sweep, MongoDatabase database, LocalDate deadline) {
        LocalDate day = deadline.plusDays(1);
        List<UUID> due = new ArrayList<>();
        database.getCollection("tracked_measures").find(new Document("measure.dueDate", deadline))
                .projection(new Document("_id", 1))
                .forEach(document -> due.add(document.get("_id", UUID.class)));
        database.getCollection("overdue_sweep").deleteMany(new Document());
        CLOCK.set(day);
        long start = System.nanoTime();
        OverdueSweep.SweepResult result = sweep.sweep().orElseThrow(() -> new IllegalStateException("Sweep lock taken"));
        double seconds = seconds(System.nanoTime() - start);
        System.out.printf("Sweep of %s: %d entries in %.2f s (%d measures due)%n", day, result.entries(), seconds, due.size());
        return new Sweep(day, due, seconds, result.entries(), result.failed());
    }

    /** The least a sweep must do per measure falling due, with the plain driver: read it, write a verdict. */
    private static double baselineJudging(MongoDatabase database, List<UUID> ids) {
        MongoCollection<Document> measures = database.getCollection("tracked_measures");
        MongoCollection<Document> verdicts = database.getCollection("benchmark_baseline_verdicts");
        verdicts.drop();
        long start = System.nanoTime();
        for (UUID id : ids) {
            Document measure = measures.find(new Document("_id", id)).first();
            verdicts.insertOne(new Document("_id", id).append("overdue", measure != null));
        }
        double seconds = seconds(System.nanoTime() - start);
        verdicts.drop();
        return seconds;
    }

    /**
     * Stores the measures of {@code count} more adopted plans straight into {@code tracked_measures} and the due
     * calendar, in the shape the projection gives them (a copy of a projected measure with new ids and deadlines):
     * the sweep figures need 10x more measures stored, and catching up with 10x the topic would take the
     * benchmark's time without measuring anything the first catch-up does not. None falls due on the first two
     * sweep days; 1 % on the third, as in the first plans.
     */
    private static long seedMore(MongoDatabase database, int first, int count, int measuresPerPlan) {
        MongoCollection<Document> tracked = database.getCollection("tracked_measures");
        Document template = tracked.find().first();
        List<Document> batch = new ArrayList<>();
        Map<String, List<String>> calendar = new HashMap<>();
        long stored = 0;
        for (int plan = first; plan < first + count; plan++) {
            UUID planId = UUID.randomUUID();
            for (int ordinal = 0; ordinal < measuresPerPlan; ordinal++) {
                long global = (long) plan * measuresPerPlan + ordinal;
                LocalDate due = global % 100 == 2 ? TEN_TIMES_DUE : SPREAD_FROM.plusDays(global % 120);
                UUID id = UUID.randomUUID();
                Document measure = new Document(template.get("measure", Document.class));
                measure.put("measureId", id);
                // As Spring Data writes a LocalDate: the start of the day in the JVM's zone.
                measure.put("dueDate", Date.from(due.atStartOfDay(ZoneId.systemDefault()).toInstant()));
                Document document = new Document(template);
                document.put("_id", id);
                document.put("planId", planId);
                document.put("seriesId", planId);
                document.put("measure", measure);
                batch.add(document);
                calendar.computeIfAbsent(due.plusDays(1) + "#" + Math.floorMod(id.hashCode(), 16), day -> new ArrayList<>())
                        .add("M:" + id);
                if (batch.size() == 10_000) {
                    tracked.insertMany(batch);
                    stored += batch.size();
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            tracked.insertMany(batch);
            stored += batch.size();
        }
        MongoCollection<Document> dueCalendar = database.getCollection("due_calendar");
        calendar.forEach((day, entries) -> dueCalendar.updateOne(new Document("_id", day),
                new Document("$addToSet", new Document("entries", new Document("$each", entries))),
                new UpdateOptions().upsert(true)));
        return stored;
    }

    /**
     * Produces the plans {@code first} to {@code first + count - 1}, each as plan-service's events.
     *
     * @return how many events were sent
     */
    private static long produce(KafkaProducer<String, byte[]> producer, String topic, int first, int count,
            int measuresPerPlan) throws Exception {
        long sent = 0;
        List<Future<?>> pending = new ArrayList<>();
        Set<String> validated = new LinkedHashSet<>();
        for (int i = first; i < first + count; i++) {
            PlanDocument document = document(i, measuresPerPlan);
            PlanDocumentEvents.Plan plan = PlanDocumentEvents.adopted(SyntheticPlans.organisation(i), document,
                    Instant.parse("2024-11-01T08:00:00Z"), LocalDate.of(2024, 12, 10));
            for (PlanDocumentEvents.Event event : plan.events()) {
                if (validated.add(event.type())) {
                    // The shapes are plan-service's: one event of each type against its contract.
                    List<String> errors = EventContracts.get().validate(event.type(), event.json());
                    if (!errors.isEmpty()) {
                        throw new IllegalStateException(event.type() + " breaks its contract: " + errors);
                    }
                }
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.key(),
                        event.json().getBytes(StandardCharsets.UTF_8));
                header(record, "ce_specversion", "1.0");
                header(record, "ce_id", event.eventId().toString());
                header(record, "ce_type", event.type());
                header(record, "ce_source", "/trygghetsnav/plan-service");
                header(record, "ce_subject", event.key());
                header(record, "ce_time", "2024-11-01T08:00:00Z");
                header(record, "content-type", "application/json");
                pending.add(producer.send(record));
                sent++;
                if (pending.size() == 5_000) {
                    for (Future<?> future : pending) {
                        future.get();
                    }
                    pending.clear();
                }
            }
        }
        for (Future<?> future : pending) {
            future.get();
        }
        return sent;
    }

    /**
     * SyntheticPlans' plan with every measure due on a day: 1 % on each of the three sweep deadlines, the rest
     * spread over 120 other days.
     */
    @SuppressWarnings("unchecked")
    private static PlanDocument document(int municipality, int measuresPerPlan) {
        Map<String, Object> plan = SyntheticPlans.plan(municipality, measuresPerPlan);
        int ordinal = 0;
        for (Map<String, Object> area : (List<Map<String, Object>>) plan.get("focusAreas")) {
            for (Map<String, Object> problem : (List<Map<String, Object>>) area.get("problems")) {
                for (Map<String, Object> measure : (List<Map<String, Object>>) problem.get("measures")) {
                    long global = (long) municipality * measuresPerPlan + ordinal++;
                    int slot = (int) (global % 100);
                    LocalDate due = slot == 0 ? SAME_DUE_SMALL
                            : slot == 1 ? SAME_DUE_LARGE
                            : slot == 2 ? TEN_TIMES_DUE
                            : SPREAD_FROM.plusDays(global % 120);
                    measure.put("schedule", Map.of("type", "DUE_DATE", "dueDate", due.toString()));
                }
            }
        }
        return JSON.convertValue(plan, PlanDocument.class);
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Waits until the group has consumed the whole topic and the projection tracks every measure. */
    private static void awaitCaughtUp(Admin admin, String topic, MongoDatabase database, long measures) throws Exception {
        MongoCollection<Document> tracked = database.getCollection("tracked_measures");
        long lastReport = System.nanoTime();
        while (true) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(partition -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
            long end = admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get();
            long consumed = committed.entrySet().stream().filter(entry -> entry.getKey().topic().equals(topic))
                    .filter(entry -> entry.getValue() != null).mapToLong(entry -> entry.getValue().offset()).sum();
            if (consumed >= end) {
                long count = tracked.countDocuments();
                if (count >= measures) {
                    return;
                }
            }
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                System.out.printf("  ... consumed %,d of %,d events%n", consumed, end);
                lastReport = System.nanoTime();
            }
            Thread.sleep(200);
        }
    }

    /** A plain consumer reading the whole topic from its start: the broker's and client's own speed. */
    private static double plainConsumer(String kafka, String topic, long records) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            long start = System.nanoTime();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            while (read < records) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(500));
                read += batch.count();
            }
            return seconds(System.nanoTime() - start);
        }
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }

    /** followup-service's clock in the benchmark (service-commons keeps its own out of the way). */
    @Configuration(proxyBeanMethods = false)
    static class BenchmarkClock {

        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    /** 08:00 Stockholm on the day the benchmark sets. */
    private static final class MutableClock extends Clock {

        private volatile Instant now = Instant.parse("2025-01-01T07:00:00Z");

        void set(LocalDate day) {
            now = day.atTime(8, 0).atZone(STOCKHOLM).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return STOCKHOLM;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
