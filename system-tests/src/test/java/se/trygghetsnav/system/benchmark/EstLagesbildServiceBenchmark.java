package se.trygghetsnav.system.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.bson.UuidRepresentation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.trygghetsnav.commons.security.Role;
import se.trygghetsnav.est.EstLagesbildServiceApplication;
import se.trygghetsnav.est.week.IsoWeek;
import se.trygghetsnav.testkit.TestTokens;

import static se.trygghetsnav.system.benchmark.BenchmarkInfrastructure.seconds;

/**
 * The est-lagesbild-service figures of issue 6: members posting entries through the API at a sustained, open-loop
 * rate (target 1,000 entries/s, p99 under 100 ms), the outbox relay keeping up with it on est.events, and the
 * compiled week of 2,000 entries of a group with three years of history (target under 200 ms). Beside them the
 * raw baseline on the same MongoDB server in the same run: plain driver {@code insertOne} of entry-sized
 * documents, from one thread and from as many threads as the posting load had requests open at most.
 *
 * <p>Posting: requests go out on a fixed schedule whatever the answers (open loop); a request's latency counts
 * from when it was due, so a server that falls behind shows its queue. Each phase posts submissions of one size
 * (entries per request) at the same entry rate, spread round-robin over several groups' current weeks and each
 * group's three member organisations, each with its own token. Relay lag is the time from a submission's 201 to
 * its {@code entries-posted} event read from est.events (0 when the event came first).
 *
 * <p>Runs an est-lagesbild-service instance in this JVM against the local run's MongoDB and Kafka when
 * {@code ./run.sh} is up, else against the embedded test servers (the same server software, in this JVM). Run
 * after an install (README): {@code ./mvnw -q -pl system-tests test-compile exec:java
 * -Dbenchmark.main=se.trygghetsnav.system.benchmark.EstLagesbildServiceBenchmark}, with e.g.
 * {@code -Drate=1000 -DpostSeconds=30 -DentriesPerSubmission=1,10 -DpostingGroups=10 -DhistoryEntriesPerWeek=500
 * -DmaxOpen=256}; {@code -Dembedded} uses the embedded servers even while {@code ./run.sh} is up.
 */
public final class EstLagesbildServiceBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DATABASE = "trygghetsnav-est-benchmark";
    private static final String ENTRIES_POSTED = "se.trygghetsnav.est.entries-posted.v1";
    private static final String[] CATEGORIES = { "vandalism", "disturbing-gatherings", "fights-and-violence", "threats",
            "suspected-drug-dealing", "burglary-and-robbery", "reckless-driving", "unsafe-place" };
    private static final String[] TIME_BANDS = { "MORNING", "AFTERNOON", "EVENING", "NIGHT" };
    private static final String[] SERIOUSNESS = { "LOW", "MEDIUM", "HIGH" };
    /** Entries per submission while seeding the compiled group's weeks (the API's most). */
    private static final int SEED_SUBMISSION = 50;

    private EstLagesbildServiceBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkInfrastructure.runAndExit(EstLagesbildServiceBenchmark::run);
    }

    private static void run() throws Exception {
        int rate = Integer.getInteger("rate", 1000);
        Duration postFor = Duration.ofSeconds(Integer.getInteger("postSeconds", 30));
        int[] submissionSizes = Arrays.stream(System.getProperty("entriesPerSubmission", "1,10").split(","))
                .mapToInt(size -> Integer.parseInt(size.strip())).toArray();
        int postingGroups = Integer.getInteger("postingGroups", 10);
        int historyWeeks = Integer.getInteger("historyWeeks", 156);
        int historyEntriesPerWeek = Integer.getInteger("historyEntriesPerWeek", 500);
        int weekEntries = Integer.getInteger("weekEntries", 2000);
        int compileCalls = Integer.getInteger("compileCalls", 50);
        Duration baselineFor = Duration.ofSeconds(Integer.getInteger("baselineSeconds", 10));
        int maxOpen = Integer.getInteger("maxOpen", 256);

        Map<String, Object> properties = BenchmarkInfrastructure.properties(DATABASE);
        String mongoUri = (String) properties.get("spring.mongodb.uri");
        String kafka = (String) properties.get("spring.kafka.bootstrap-servers");
        System.out.printf("%nest-lagesbild-service benchmark: posting %d entries/s for %d s per phase, entries per submission %s, "
                        + "over %d groups; compiling a week of %d entries with %d weeks of %d entries behind it; MongoDB %s, Kafka %s%n",
                rate, postFor.toSeconds(), Arrays.toString(submissionSizes), postingGroups, weekEntries, historyWeeks,
                historyEntriesPerWeek, mongoUri, kafka);

        try (MongoClient mongo = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongoUri)).uuidRepresentation(UuidRepresentation.STANDARD).build())) {
            mongo.getDatabase(DATABASE).drop();
            try (ConfigurableApplicationContext service = new SpringApplicationBuilder(EstLagesbildServiceApplication.class)
                    .run(BenchmarkInfrastructure.arguments(properties))) {
                int port = Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port"));
                Api api = new Api(HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build(), port);
                IsoWeek thisWeek = IsoWeek.of(LocalDate.now(ZoneId.of("Europe/Stockholm")));

                Compiled compiled = compileFigures(api, thisWeek, historyWeeks, historyEntriesPerWeek, weekEntries,
                        compileCalls);

                List<Group> groups = new ArrayList<>();
                for (int i = 0; i < postingGroups; i++) {
                    groups.add(Group.register(api, "EST benchmark " + i));
                }
                List<Phase> phases = new ArrayList<>();
                try (EventWatch events = EventWatch.start(kafka)) {
                    // A short warm-up at the first size, so the JIT and connection pool are not in the figures.
                    postLoad(api, groups, thisWeek, rate, Duration.ofSeconds(5), submissionSizes[0], maxOpen, events);
                    for (int size : submissionSizes) {
                        Phase phase = postLoad(api, groups, thisWeek, rate, postFor, size, maxOpen, events);
                        phases.add(phase);
                        System.out.printf("Posted %,d entries in %,d submissions of %d: p50 %.1f ms, p99 %.1f ms, %d errors; "
                                        + "relay lag p99 %.1f ms, %d events missing; %.2f ms CPU per entry%n", phase.entries(),
                                phase.latencies().count(), size, phase.latencies().percentile(50),
                                phase.latencies().percentile(99), phase.latencies().errors(), phase.relayLag().percentile(99),
                                phase.eventsMissing(), phase.cpuMillisPerEntry());
                    }
                }

                int concurrency = phases.stream().mapToInt(Phase::maxOpen).max().orElse(1);
                double singleThread = baselineInserts(mongo, 1, baselineFor);
                double concurrent = baselineInserts(mongo, concurrency, baselineFor);

                System.out.printf("%n| figure | ours | raw baseline (driver insertOne of entry-sized documents) | ours / baseline |%n"
                        + "|---|---|---|---|%n");
                for (Phase phase : phases) {
                    System.out.printf("| posting %d entries/s for %d s, %d entr%s per submission (%d requests/s), over %d groups "
                                    + "| %,.0f entries/s stored; per request p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d errors of %,d "
                                    + "| %,.0f inserts/s (1 thread); %,.0f inserts/s (%d threads) | %.2f / %.2f |%n",
                            rate, postFor.toSeconds(), phase.size(), phase.size() == 1 ? "y" : "ies", rate / phase.size(),
                            postingGroups, phase.entriesPerSecond(), phase.latencies().percentile(50),
                            phase.latencies().percentile(99), phase.latencies().percentile(100), phase.latencies().errors(),
                            phase.latencies().count(), singleThread, concurrent, concurrency,
                            phase.entriesPerSecond() / singleThread, phase.entriesPerSecond() / concurrent);
                    System.out.printf("| outbox relay at that load: 201 to entries-posted on est.events | p50 %.1f ms, p99 %.1f ms, "
                                    + "max %.1f ms; outbox empty %.1f s after the last 201; %d of %,d events missing | | |%n",
                            phase.relayLag().percentile(50), phase.relayLag().percentile(99), phase.relayLag().percentile(100),
                            phase.drainedSeconds(), phase.eventsMissing(), phase.latencies().count());
                    System.out.printf("| CPU of the whole JVM (service, embedded servers, this client) per entry, posting and relaying "
                            + "| %.2f ms | | |%n", phase.cpuMillisPerEntry());
                }
                System.out.printf("| compiled week of %,d entries, %d weeks of %d entries behind it: first GET | %.1f ms | | |%n",
                        weekEntries, historyWeeks, historyEntriesPerWeek, compiled.firstMillis());
                System.out.printf("| the same, %d GETs one after another | p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors | | |%n",
                        compiled.repeated().count(), compiled.repeated().percentile(50), compiled.repeated().percentile(99),
                        compiled.repeated().percentile(100), compiled.repeated().errors());
                System.out.printf("Targets: posting 1,000 entries/s with p99 under 100 ms; compiling under 200 ms. "
                        + "Machine load at the end (uptime): %s%n%n", uptime());
            }
        }
    }

    // ---- the compiled week -------------------------------------------------------------------------------------

    private record Compiled(double firstMillis, Latencies repeated) {
    }

    private static Compiled compileFigures(Api api, IsoWeek thisWeek, int historyWeeks, int historyEntriesPerWeek,
            int weekEntries, int calls) throws Exception {
        Group group = Group.register(api, "EST benchmark kompilering");
        long seedStart = System.nanoTime();
        List<Seed> seeds = new ArrayList<>();
        for (int back = 1; back <= historyWeeks; back++) {
            seeds.add(new Seed(thisWeek.minusWeeks(back), historyEntriesPerWeek));
        }
        seeds.add(new Seed(thisWeek, weekEntries));
        AtomicInteger next = new AtomicInteger();
        AtomicLong entries = new AtomicLong();
        // Weeks in parallel, each week's submissions in order: as a group's members post over three years.
        try (ExecutorService workers = Executors.newFixedThreadPool(4)) {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                running.add(workers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < seeds.size(); i = next.getAndIncrement()) {
                        Seed seed = seeds.get(i);
                        for (int posted = 0; posted < seed.entries(); posted += SEED_SUBMISSION) {
                            int size = Math.min(SEED_SUBMISSION, seed.entries() - posted);
                            HttpResponse<String> response = group.post(api, seed.week(), posted, size, posted / SEED_SUBMISSION);
                            if (response.statusCode() != 201) {
                                throw new IllegalStateException("Seeding " + seed.week() + " answered " + response.statusCode()
                                        + ": " + response.body());
                            }
                            entries.addAndGet(size);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        }
        System.out.printf("Seeded %,d entries in %d weeks through the API in %.1f s%n", entries.get(), seeds.size(),
                seconds(System.nanoTime() - seedStart));

        String uri = "/api/v1/est-groups/" + group.id() + "/weeks/" + thisWeek + "/compilation";
        long start = System.nanoTime();
        HttpResponse<String> first = api.get(uri, group.tokens().getFirst());
        double firstMillis = (System.nanoTime() - start) / 1e6;
        JsonNode body = JSON.readTree(first.body());
        if (first.statusCode() != 200) {
            throw new IllegalStateException("Compilation answered " + first.statusCode() + ": " + first.body());
        }
        System.out.printf("Compiled %s: %s entries in the week (first GET %.1f ms)%n", thisWeek,
                body.path("total").path("entries").asString(body.path("total").toString()), firstMillis);
        Latencies repeated = new Latencies(calls);
        for (int i = 0; i < calls; i++) {
            long from = System.nanoTime();
            HttpResponse<String> response = api.get(uri, group.tokens().get(i % group.tokens().size()));
            repeated.record(System.nanoTime() - from, response.statusCode() == 200);
        }
        return new Compiled(firstMillis, repeated);
    }

    private record Seed(IsoWeek week, int entries) {
    }

    // ---- posting ----------------------------------------------------------------------------------------------

    /**
     * @param cpuMillisPerEntry CPU time of the whole JVM (service, embedded servers and this client) from the first
     *        request until the relay had published the last event, per stored entry: steadier than latencies on a
     *        machine other work shares, so before and after a change compare by it
     */
    private record Phase(int size, Latencies latencies, long entries, double entriesPerSecond, int maxOpen,
            Latencies relayLag, int eventsMissing, double drainedSeconds, double cpuMillisPerEntry) {
    }

    /**
     * Posts {@code rate} entries a second in submissions of {@code size} for the duration, open loop, and waits for
     * the relay to publish every stored submission's event.
     *
     * @param maxOpen the most requests open at once: a server that falls far behind would otherwise be sent a new
     *        connection per due request until the JVM (client, service and embedded servers alike) runs out of file
     *        descriptors. Requests held back still count their latency from when they were due.
     */
    private static Phase postLoad(Api api, List<Group> groups, IsoWeek week, int rate, Duration duration, int size,
            int maxOpen, EventWatch events) throws InterruptedException {
        int total = (int) (rate * duration.toSeconds() / size);
        long interval = TimeUnit.SECONDS.toNanos(1) * size / rate;
        Latencies latencies = new Latencies(total);
        Map<String, Long> answered = new ConcurrentHashMap<>();
        Semaphore openPermits = new Semaphore(maxOpen);
        AtomicInteger open = new AtomicInteger();
        AtomicInteger mostOpen = new AtomicInteger();
        AtomicLong stored = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long scheduled = start + i * interval;
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                Group group = groups.get(i % groups.size());
                int n = i / groups.size();
                openPermits.acquire();
                requests.execute(() -> {
                    mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                    boolean ok = false;
                    try {
                        HttpResponse<String> response = group.post(api, week, n * size, size, n);
                        ok = response.statusCode() == 201;
                        if (ok) {
                            answered.put(JSON.readTree(response.body()).path("submissionId").asString(), System.nanoTime());
                            stored.addAndGet(size);
                        }
                    }
                    catch (IOException | InterruptedException | RuntimeException failed) {
                        ok = false;
                    }
                    finally {
                        long now = System.nanoTime();
                        latencies.record(now - scheduled, ok);
                        lastAnswer.accumulateAndGet(now, Math::max);
                        open.decrementAndGet();
                        openPermits.release();
                    }
                });
            }
        }
        double postedSeconds = seconds(lastAnswer.get() - start);
        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!events.sawAll(answered.keySet()) && System.nanoTime() < drainDeadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        double cpuMillisPerEntry = (processCpuNanos() - cpuStart) / 1e6 / Math.max(1, stored.get());
        Latencies lag = new Latencies(answered.size());
        long lastEvent = lastAnswer.get();
        int missing = 0;
        for (Map.Entry<String, Long> submission : answered.entrySet()) {
            Long seen = events.seenAt(submission.getKey());
            if (seen == null) {
                missing++;
                continue;
            }
            lag.record(Math.max(0, seen - submission.getValue()), true);
            lastEvent = Math.max(lastEvent, seen);
        }
        return new Phase(size, latencies, stored.get(), stored.get() / postedSeconds, mostOpen.get(), lag, missing,
                seconds(lastEvent - lastAnswer.get()), cpuMillisPerEntry);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Reads est.events from its end in the background and notes when each submission's event arrived. */
    private static final class EventWatch implements AutoCloseable {

        private final Map<String, Long> seen = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread reader;

        private EventWatch(KafkaConsumer<String, byte[]> consumer) {
            reader = Thread.ofPlatform().name("est-events-watch").daemon().start(() -> {
                try (consumer) {
                    while (running.get()) {
                        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                            long now = System.nanoTime();
                            Header type = record.headers().lastHeader("ce_type");
                            if (type != null && ENTRIES_POSTED.equals(new String(type.value()))) {
                                seen.putIfAbsent(JSON.readTree(record.value()).path("submissionId").asString(), now);
                            }
                        }
                    }
                }
            });
        }

        static EventWatch start(String bootstrap) {
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config);
            List<TopicPartition> partitions = consumer.partitionsFor(EstLagesbildServiceApplication.EST_EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            return new EventWatch(consumer);
        }

        boolean sawAll(Iterable<String> submissions) {
            for (String submission : submissions) {
                if (!seen.containsKey(submission)) {
                    return false;
                }
            }
            return true;
        }

        Long seenAt(String submission) {
            return seen.get(submission);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            reader.join(5_000);
        }
    }

    // ---- the raw baseline -------------------------------------------------------------------------------------

    /** Plain driver inserts of entry-sized documents (an entry's fields and its description) for the duration. */
    private static double baselineInserts(MongoClient mongo, int threads, Duration duration) throws Exception {
        MongoCollection<Document> entries = mongo.getDatabase("trygghetsnav-benchmark-baseline").getCollection("est_entries");
        entries.drop();
        AtomicLong inserted = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try (ExecutorService workers = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(workers.submit(() -> {
                    for (int i = 0; System.nanoTime() < end; i++) {
                        entries.insertOne(baselineEntry(i));
                        inserted.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        }
        double perSecond = inserted.get() / seconds(System.nanoTime() - start);
        entries.drop();
        System.out.printf("Baseline: %,.0f inserts/s with %d thread%s%n", perSecond, threads, threads == 1 ? "" : "s");
        return perSecond;
    }

    private static Document baselineEntry(int i) {
        return new Document("_id", UUID.randomUUID())
                .append("submissionId", UUID.randomUUID())
                .append("category", CATEGORIES[i % CATEGORIES.length])
                .append("placeId", UUID.randomUUID())
                .append("date", java.util.Date.from(java.time.Instant.now()))
                .append("timeBand", TIME_BANDS[i % TIME_BANDS.length])
                .append("seriousness", SERIOUSNESS[i % SERIOUSNESS.length])
                .append("certainty", "OBSERVED")
                .append("reportedToPolice", i % 3 == 0)
                .append("textId", UUID.randomUUID())
                .append("reportingOrganisationId", "bench-polis")
                .append("reportingMemberId", UUID.randomUUID())
                .append("reportedAt", java.util.Date.from(java.time.Instant.now()))
                .append("late", false)
                .append("description", description(i));
    }

    // ---- the API ----------------------------------------------------------------------------------------------

    private record Api(HttpClient http, int port) {

        HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", token).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** A registered group: the municipality runs it, the police and a housing company are members; their tokens. */
    private record Group(String id, List<String> placeIds, List<String> tokens) {

        static Group register(Api api, String name) throws IOException, InterruptedException {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            String municipality = "bench-kommun-" + suffix;
            String police = "bench-polis-" + suffix;
            String housing = "bench-bostad-" + suffix;
            List<Map<String, Object>> places = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                places.add(Map.of("name", "Plats " + i, "area", "Område " + (i % 5), "type", "SQUARE",
                        "latitude", 59.75 + i * 0.002, "longitude", 18.69 + (i % 7) * 0.003));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("members", List.of(
                    member("Socialförvaltningen", "MUNICIPAL_DEPARTMENT", municipality),
                    member("Polisen, lokalpolisområde", "POLICE", police),
                    member("Bostadsbolaget AB", "HOUSING_COMPANY", housing)));
            body.put("schedule", Map.of("cutOffDay", "MONDAY", "cutOffTime", "12:00", "meetingDay", "TUESDAY",
                    "meetingTime", "10:00"));
            body.put("places", places);
            HttpResponse<String> response = api.post("/api/v1/est-groups",
                    TestTokens.bearer(municipality, Role.EST_COORDINATOR, Role.EST_MEMBER), JSON.writeValueAsString(body));
            if (response.statusCode() != 201) {
                throw new IllegalStateException("Registering a group answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode group = JSON.readTree(response.body());
            List<String> placeIds = new ArrayList<>();
            group.path("places").forEach(place -> placeIds.add(place.path("placeId").asString()));
            return new Group(group.path("id").asString(), placeIds, List.of(
                    TestTokens.bearer(municipality, Role.EST_MEMBER), TestTokens.bearer(police, Role.EST_MEMBER),
                    TestTokens.bearer(housing, Role.EST_MEMBER)));
        }

        private static Map<String, Object> member(String name, String kind, String organisationId) {
            return Map.of("name", name, "kind", kind, "organisationId", organisationId,
                    "contactEmails", List.of("est@" + organisationId + ".example.se"));
        }

        /** Posts {@code size} entries (the {@code first}th onwards of the week) as the {@code n}th submission's member. */
        HttpResponse<String> post(Api api, IsoWeek week, int first, int size, int n) throws IOException, InterruptedException {
            List<Map<String, Object>> entries = new ArrayList<>(size);
            for (int i = first; i < first + size; i++) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("category", CATEGORIES[i % CATEGORIES.length]);
                entry.put("placeId", placeIds.get((i * 7) % placeIds.size()));
                entry.put("date", week.monday().plusDays(i % 7).toString());
                entry.put("timeBand", TIME_BANDS[i % TIME_BANDS.length]);
                entry.put("description", description(i));
                entry.put("seriousness", SERIOUSNESS[i % SERIOUSNESS.length]);
                entry.put("certainty", "OBSERVED");
                entry.put("reportedToPolice", i % 3 == 0);
                entries.add(entry);
            }
            return api.post("/api/v1/est-groups/" + id + "/weeks/" + week + "/entries", tokens.get(n % tokens.size()),
                    JSON.writeValueAsString(Map.of("entries", entries)));
        }
    }

    /** A description of an everyday length (about 150 characters), never about persons. */
    private static String description(int i) {
        return "Observation " + i + ": grupp ungdomar samlades vid platsen under kvällen, nedskräpning och viss skadegörelse "
                + "på belysningen noterades. Ingen polisanmälan.";
    }

    private static String uptime() {
        try {
            return new String(new ProcessBuilder("uptime").start().getInputStream().readAllBytes()).strip();
        }
        catch (IOException unavailable) {
            return "(uptime not available)";
        }
    }
}
