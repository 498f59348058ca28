package se.trygghetsnav.system.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.trygghetsnav.commons.security.Role;
import se.trygghetsnav.plan.PlanServiceApplication;
import se.trygghetsnav.testkit.TestTokens;

/**
 * The plan-service figures of the README: 290 municipalities' plans of 300 measures each (87,000 measures)
 * imported through the API, the outbox relaying their events to Kafka, and GET of one whole plan under an
 * open-loop read load of 200 requests/s; beside each, the raw baseline on the same servers (plain driver
 * inserts, a plain Kafka producer) and our ratio to it.
 *
 * <p>Runs a plan-service instance in this JVM (it mints test tokens for the 290 organisations) against the
 * local run's MongoDB and Kafka when {@code ./run.sh} is up, else against the embedded test servers (the same
 * server software). Run: {@code ./mvnw -q -pl system-tests -am test-compile exec:java -Dbenchmark} (see README).
 */
public final class PlanServiceBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PlanServiceBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkInfrastructure.runAndExit(PlanServiceBenchmark::run);
    }

    private static void run() throws Exception {
        int municipalities = Integer.getInteger("municipalities", 290);
        int measuresPerPlan = Integer.getInteger("measuresPerPlan", 300);
        int readRate = Integer.getInteger("readRate", 200);
        Duration readFor = Duration.ofSeconds(Integer.getInteger("readSeconds", 30));
        int importThreads = Integer.getInteger("importThreads", 4);

        Map<String, Object> properties = BenchmarkInfrastructure.properties(database());
        String mongoUri = (String) properties.get("spring.mongodb.uri");
        String kafka = (String) properties.get("spring.kafka.bootstrap-servers");
        System.out.printf("%nplan-service benchmark: %d municipalities x %d measures, MongoDB %s, Kafka %s%n",
                municipalities, measuresPerPlan, mongoUri, kafka);

        List<String> documents = new ArrayList<>();
        for (int i = 0; i < municipalities; i++) {
            documents.add(JSON.writeValueAsString(SyntheticPlans.plan(i, measuresPerPlan)));
        }
        long documentBytes = documents.stream().mapToLong(String::length).sum();

        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            mongo.getDatabase(database()).drop();
            double baselineInsertSeconds = baselineInserts(mongo, documents);

            try (ConfigurableApplicationContext planService = new SpringApplicationBuilder(PlanServiceApplication.class)
                    .run(arguments(properties))) {
                int port = Integer.parseInt(planService.getEnvironment().getRequiredProperty("local.server.port"));
                HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
                MongoCollection<Document> plans = mongo.getDatabase(database()).getCollection("action_plans");

                long importStart = System.nanoTime();
                List<ImportedPlan> imported = importAll(http, port, documents, importThreads);
                double importSeconds = seconds(System.nanoTime() - importStart);
                System.out.printf("Imported %d plans in %.1f s; waiting for the outbox to empty%n", imported.size(), importSeconds);
                while (plans.countDocuments(new Document("pendingEvents.0", new Document("$exists", true))) > 0) {
                    Thread.sleep(100);
                }
                double drainedSeconds = seconds(System.nanoTime() - importStart);
                long events = 0;
                for (Document plan : plans.find(new Document("organisationId", new Document("$regex", "^bench-")))
                        .projection(new Document("version", 1))) {
                    events += plan.getLong("version");
                }
                events += mongo.getDatabase(database()).getCollection("org_units")
                        .countDocuments(new Document("organisationId", new Document("$regex", "^bench-")));
                System.out.printf("Outbox empty after %.1f s; the plain producer's turn%n", drainedSeconds);
                double baselineKafkaSeconds = baselineProducer(kafka, events, averageEventBytes(plans));

                // Each plan's first GET renders it (cold); later ones are answered from the rendering while the
                // plan is unchanged. The open-loop load measures that steady state, so every plan is read once first.
                Latencies cold = readLoad(http, port, imported, imported.size(), Duration.ofSeconds(1), 4);
                Latencies reads = readLoad(http, port, imported, readRate, readFor, Integer.MAX_VALUE);

                System.out.printf("%n| figure | ours | raw baseline | ours / baseline |%n|---|---|---|---|%n");
                System.out.printf("| import of %d plans (%,d measures, %.0f MB of JSON) | %.1f s | %.1f s (driver inserts of the same documents) | %.1f |%n",
                        municipalities, (long) municipalities * measuresPerPlan, documentBytes / 1e6, importSeconds,
                        baselineInsertSeconds, importSeconds / baselineInsertSeconds);
                System.out.printf("| events relayed to Kafka (%,d events, outbox empty %.1f s after the first import) | %,.0f events/s | %,.0f records/s (plain producer, acks=all) | %.2f |%n",
                        events, drainedSeconds, events / drainedSeconds, events / baselineKafkaSeconds,
                        (events / drainedSeconds) / (events / baselineKafkaSeconds));
                System.out.printf("| first GET of each plan (renders it; 4 at a time, %d plans) | p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors | | |%n",
                        cold.count(), cold.percentile(50), cold.percentile(99), cold.percentile(100), cold.errors());
                System.out.printf("| GET of one whole plan (%d measures) at %d requests/s for %d s | p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors of %d | | |%n",
                        measuresPerPlan, readRate, readFor.toSeconds(), reads.percentile(50), reads.percentile(99),
                        reads.percentile(100), reads.errors(), reads.count());
                System.out.printf("Targets: all imported in under 60 s; plan GET p99 under 50 ms at 200 requests/s.%n%n");
            }
        }
    }

    private static double baselineInserts(MongoClient mongo, List<String> documents) {
        MongoCollection<Document> baseline = mongo.getDatabase("trygghetsnav-benchmark-baseline").getCollection("plans");
        baseline.drop();
        long start = System.nanoTime();
        for (String document : documents) {
            baseline.insertOne(Document.parse(document));
        }
        double seconds = seconds(System.nanoTime() - start);
        baseline.drop();
        return seconds;
    }

    private static double baselineProducer(String bootstrap, long records, int recordBytes) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        byte[] value = new byte[recordBytes];
        Arrays.fill(value, (byte) 'x');
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            long start = System.nanoTime();
            // In passes of the relay's size, each waited for, as the relay does: 100,000+ records sent without
            // waiting outran the embedded broker (batches expired and the idempotent producer restarted its
            // sequences, out of order for the broker).
            List<Future<?>> sent = new ArrayList<>();
            for (long i = 0; i < records; i++) {
                sent.add(producer.send(new ProducerRecord<>("benchmark.baseline", "plan-" + (i % 290), value)));
                if (sent.size() == 5_000 || i == records - 1) {
                    for (Future<?> future : sent) {
                        future.get();
                    }
                    sent.clear();
                }
            }
            return seconds(System.nanoTime() - start);
        }
    }

    private static int averageEventBytes(MongoCollection<Document> plans) {
        // The outbox is empty by now; the audit trail keeps nothing of the payload, so estimate from a plan's state.
        Document plan = plans.find().first();
        return plan == null ? 1000 : Math.max(200, plan.toJson().length() / Math.max(1, plan.getLong("version").intValue()));
    }

    private record ImportedPlan(String organisationId, String planId) {
    }

    private static List<ImportedPlan> importAll(HttpClient http, int port, List<String> documents, int threads)
            throws Exception {
        ConcurrentLinkedQueue<ImportedPlan> imported = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService workers = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(workers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < documents.size(); i = next.getAndIncrement()) {
                        String organisation = SyntheticPlans.organisation(i);
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/api/v1/plan-imports"))
                                .header("Authorization", TestTokens.bearer(organisation, Role.COORDINATOR))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(documents.get(i))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 201) {
                            throw new IllegalStateException("Import " + i + " answered " + response.statusCode() + ": " + response.body());
                        }
                        imported.add(new ImportedPlan(organisation,
                                JSON.readTree(response.body()).path("planId").asString()));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        }
        return List.copyOf(imported);
    }

    /**
     * Reads plans round-robin at the rate for the duration, with at most {@code concurrency} requests open (the
     * warm-up limits it; the measured load does not).
     */
    private static Latencies readLoad(HttpClient http, int port, List<ImportedPlan> plans, int rate, Duration duration,
            int concurrency) throws InterruptedException {
        Semaphore open = new Semaphore(concurrency);
        Map<String, String> tokens = new LinkedHashMap<>();
        plans.forEach(plan -> tokens.put(plan.organisationId(), TestTokens.bearer(plan.organisationId(), Role.READER)));
        int total = (int) (rate * duration.toSeconds());
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        Latencies latencies = new Latencies(total);
        long start = System.nanoTime();
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long scheduled = start + i * interval;
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                ImportedPlan plan = plans.get(i % plans.size());
                open.acquire();
                // Open loop: latency counts from the scheduled start, so a slow server cannot hide its queue.
                // Limited concurrency (warm-up): from when the request could go.
                long from = concurrency == Integer.MAX_VALUE ? scheduled : System.nanoTime();
                requests.execute(() -> {
                    try {
                        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + port + "/api/v1/plans/" + plan.planId()))
                                .header("Authorization", tokens.get(plan.organisationId()))
                                // As a browser's dashboard asks for it.
                                .header("Accept-Encoding", "gzip").GET().build(),
                                HttpResponse.BodyHandlers.discarding());
                        latencies.record(System.nanoTime() - from, response.statusCode() == 200);
                    }
                    catch (IOException | InterruptedException failed) {
                        latencies.record(System.nanoTime() - from, false);
                    }
                    finally {
                        open.release();
                    }
                });
            }
        }
        return latencies;
    }

    private static String database() {
        return "trygghetsnav-plan-benchmark";
    }

    private static String[] arguments(Map<String, Object> properties) {
        return BenchmarkInfrastructure.arguments(properties);
    }

    private static double seconds(long nanos) {
        return BenchmarkInfrastructure.seconds(nanos);
    }
}
