package se.trygghetsnav.system.benchmark;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.bson.Document;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.notification.NotificationServiceApplication;
import se.trygghetsnav.notification.contacts.ContactDirectory;
import se.trygghetsnav.notification.contacts.PlanEvents;
import se.trygghetsnav.notification.delivery.MailBodies;
import se.trygghetsnav.notification.reminder.DeliveryFrequency;
import se.trygghetsnav.notification.reminder.EscalationStage;
import se.trygghetsnav.notification.reminder.RecipientPreference;
import se.trygghetsnav.notification.reminder.Reminder;
import se.trygghetsnav.notification.reminder.ReminderKind;
import se.trygghetsnav.notification.reminder.ReminderSchedule;
import se.trygghetsnav.notification.reminder.ReminderSlots;

import static se.trygghetsnav.system.benchmark.BenchmarkInfrastructure.seconds;

/**
 * The notification-service figures of issue 7.
 *
 * <p>Dispatch: {@code -Dreminders} (100,000) reminders falling due at one instant, each one mail. They are stored
 * through the service's own {@link ReminderSchedule} (as the planner stores them): overdue reminders of the unit
 * stage, spread over {@code -Dunits} (100) units whose contact address (projected by the service's
 * {@link ContactDirectory}) wants each reminder at once (IMMEDIATE), so one reminder is one mail. The service's
 * clock (this class's) is then moved past the fire time and the benchmark times until GreenMail, the SMTP server
 * the service sends to, has received every mail. Baselines: messages of the same size sent with plain JavaMail to the
 * same GreenMail, reported as rates and as the time they give for as many mails: over a new connection per message
 * (as Spring's JavaMailSender sends each mail; a tenth of {@code -DbaselineMails}, being about ten times slower), over
 * one connection, and over as many connections at once as the service uses ({@code -DsmtpConnections}, 4), each with
 * {@code -DbaselineMails} (20,000).
 *
 * <p>Due lookup: the dispatcher's "find due" step timed with {@code -DlookupDue} (100,000) reminders due among
 * {@code -DlookupStored} (100,000) scheduled for later, then with 10x as many scheduled for later (1,000,000) and the
 * same number due. Two figures: reading the fire-time slots ({@link ReminderSlots#between}), and that plus reading the
 * due reminders by id (what a pass reads before it claims them). Beside it, the question asked of the reminders
 * collection directly (status SCHEDULED and fire time passed; no fire-time index), which reads every reminder stored.
 * The lookup's reminders are stored in bulk (a million through {@link ReminderSchedule#schedule}, three round trips
 * each, would take most of an hour), but in the shape the service stores them: the same {@link Reminder} documents
 * placed in their slot, listed in the slots through {@link ReminderSlots#add(java.util.Map)} and under their item.
 *
 * <p>Run: {@code MAVEN_OPTS=-Xmx12g ./mvnw -q -pl system-tests test-compile exec:java
 * -Dbenchmark.main=se.trygghetsnav.system.benchmark.NotificationServiceBenchmark} after an install (README);
 * smaller: {@code -Dreminders=5000 -DlookupStored=10000 -DlookupDue=1000 -DbaselineMails=2000}.
 */
public final class NotificationServiceBenchmark {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final String DATABASE = "trygghetsnav-notification-benchmark";
    private static final String ORGANISATION = "bench-kommun";
    /** Monday 2026-03-02, 07:00 in Stockholm: before the reminders' fire time, 08:00. */
    private static final Instant START = Instant.parse("2026-03-02T06:00:00Z");
    /** The warm-up burst's fire time, 08:00 in Stockholm; the measured one fires an hour later. */
    private static final Instant WARM_UP_AT = Instant.parse("2026-03-02T07:00:00Z");
    private static final Instant FIRE_AT = Instant.parse("2026-03-02T08:00:00Z");
    /** Far above the measured reminders' and the lookup's numbers, so the warm-up's keys are its own. */
    private static final int WARM_UP_NUMBERS = 50_000_000;
    /** The lookup's "now": a day later, its due reminders fire at 08:00 Stockholm that day. */
    private static final Instant LOOKUP_FIRE_AT = Instant.parse("2026-03-03T07:00:00Z");
    private static final Instant LOOKUP_NOW = LOOKUP_FIRE_AT.plusSeconds(60);
    private static final SettableClock CLOCK = new SettableClock(START, STOCKHOLM);

    private NotificationServiceBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkInfrastructure.runAndExit(NotificationServiceBenchmark::run);
    }

    private static void run() throws Exception {
        int reminders = Integer.getInteger("reminders", 100_000);
        int units = Integer.getInteger("units", 100);
        int lookupDue = Integer.getInteger("lookupDue", 100_000);
        int lookupStored = Integer.getInteger("lookupStored", 100_000);
        int baselineMails = Integer.getInteger("baselineMails", 20_000);
        int threads = Integer.getInteger("scheduleThreads", 4);
        int warmUp = Integer.getInteger("warmUp", 10_000);

        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        Map<String, Object> properties = BenchmarkInfrastructure.properties(DATABASE);
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", greenMail.getSmtp().getPort());
        properties.put("spring.mail.properties.mail.smtp.auth", "false");
        // The worker's own pace, so that the time counted starts when the reminders fall due.
        properties.put("trygghetsnav.notification.reminders.dispatch-interval", "1s");
        int connections = Integer.getInteger("smtpConnections", 4);
        properties.put("trygghetsnav.notification.delivery.smtp-connections", connections);
        String mongoUri = (String) properties.get("spring.mongodb.uri");
        System.out.printf("%nnotification-service benchmark: %,d reminders due at once to %d units' addresses; lookup %,d due"
                + " among %,d and %,d scheduled for later; MongoDB %s, GreenMail on port %d; %d SMTP connections; %s%n",
                reminders, units, lookupDue, lookupStored, lookupStored * 10, mongoUri, greenMail.getSmtp().getPort(),
                connections, load());

        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            mongo.getDatabase(DATABASE).drop();
            try (ConfigurableApplicationContext service = new SpringApplicationBuilder(
                    NotificationServiceApplication.class, BenchmarkClock.class)
                    .run(BenchmarkInfrastructure.arguments(properties))) {
                ReminderSchedule schedule = service.getBean(ReminderSchedule.class);
                ReminderSlots slots = service.getBean(ReminderSlots.class);
                MongoTemplate template = service.getBean(MongoTemplate.class);
                List<UUID> unitIds = units(service.getBean(ContactDirectory.class), template, units);

                // Warm-up: a smaller burst first, so that the measured one runs on compiled code, as it would in a
                // service that has been running for a while, rather than on the interpreter and the JIT's queue.
                inParallel(warmUp, threads, i -> schedule.schedule(reminder(WARM_UP_NUMBERS + i, unitIds), WARM_UP_AT));
                long warmUpStart = System.nanoTime();
                CLOCK.set(WARM_UP_AT.plusSeconds(60));
                if (!greenMail.waitForIncomingEmail(Duration.ofMinutes(30).toMillis(), warmUp)) {
                    throw new IllegalStateException("The warm-up's mails did not all arrive");
                }
                System.out.printf("Warm-up: %,d reminders dispatched in %.1f s%n", warmUp,
                        seconds(System.nanoTime() - warmUpStart));
                greenMail.purgeEmailFromAllMailboxes();

                // Dispatch: every reminder due at FIRE_AT, stored through the service's own schedule.
                long storeStart = System.nanoTime();
                inParallel(reminders, threads, i -> schedule.schedule(reminder(i, unitIds), FIRE_AT));
                double storeSeconds = seconds(System.nanoTime() - storeStart);
                System.out.printf("Scheduled %,d reminders in %.1f s; moving the clock to their fire time (%s)%n", reminders,
                        storeSeconds, load());

                COMMANDS.reset();
                long dispatchStart = System.nanoTime();
                long cpuStart = processCpuNanos();
                CLOCK.set(FIRE_AT.plusSeconds(60));
                boolean all;
                try (var progress = progress(dispatchStart, mongo.getDatabase(DATABASE).getCollection("outgoing_mails"),
                        greenMail)) {
                    all = greenMail.waitForIncomingEmail(Duration.ofMinutes(30).toMillis(), reminders);
                }
                double dispatchSeconds = seconds(System.nanoTime() - dispatchStart);
                double dispatchCpuSeconds = seconds(processCpuNanos() - cpuStart);
                COMMANDS.print();
                String dispatchLoad = load();
                int received = greenMail.getReceivedMessages().length;
                if (!all) {
                    System.out.printf("Only %,d of %,d mails arrived within 30 min%n", received, reminders);
                }
                Document sample = mongo.getDatabase(DATABASE).getCollection("outgoing_mails").find().first();
                greenMail.purgeEmailFromAllMailboxes();

                System.out.printf("Dispatched in %.1f s (%s), using %.1f s of the JVM's CPU time (service, broker, MongoDB"
                        + " and GreenMail): %.2f ms per mail; the plain JavaMail baselines, %,d mails each (a tenth over a"
                        + " connection each)%n", dispatchSeconds, dispatchLoad, dispatchCpuSeconds, dispatchCpuSeconds * 1e3 / reminders,
                        baselineMails);
                // A tenth as many over a connection each: at about a tenth of the rate, the same time as the others.
                int perMessageMails = Math.max(1, baselineMails / 10);
                double perMessageSeconds = baselineSends(greenMail, sample, perMessageMails, 0);
                double oneConnectionSeconds = baselineSends(greenMail, sample, baselineMails, 1);
                double parallelSeconds = baselineSends(greenMail, sample, baselineMails, connections);
                String baselineLoad = load();

                // Due lookup: lookupDue due at LOOKUP_FIRE_AT among lookupStored, then 10x, scheduled for later.
                TenantScope.runAsSystem(() -> storeInBulk(template, slots, reminders, lookupDue, i -> LOOKUP_FIRE_AT, unitIds));
                int scheduledLater = 0;
                List<double[]> lookups = new ArrayList<>();
                List<String> lookupLoads = new ArrayList<>();
                for (int stored : new int[] { lookupStored, lookupStored * 10 }) {
                    int from = reminders + lookupDue + scheduledLater;
                    int more = stored - scheduledLater;
                    long start = System.nanoTime();
                    TenantScope.runAsSystem(() -> storeInBulk(template, slots, from, more, NotificationServiceBenchmark::later,
                            unitIds));
                    scheduledLater = stored;
                    System.out.printf("%,d scheduled for later (stored in bulk in %.1f s), %,d due; timing the lookup%n", stored,
                            seconds(System.nanoTime() - start), lookupDue);
                    lookups.add(timeLookups(slots, template, mongo.getDatabase(DATABASE).getCollection("reminders"), lookupDue));
                    lookupLoads.add(load());
                }

                long bytes = sample == null ? 0 : (sample.getString("textBody").length() + sample.getString("htmlBody").length());
                System.out.printf("%n| figure | ours | plain JavaMail baseline | ours / baseline |%n|---|---|---|---|%n");
                System.out.printf("| %,d reminders due at once, each one mail (~%.1f kB text+HTML), until GreenMail has them all"
                        + " (%s) | %.1f s, %,.0f mails/s%s | a connection per message: %,.0f mails/s (%.0f s for %,d); one"
                        + " connection: %,.0f mails/s (%.0f s); %d connections at once: %,.0f mails/s (%.0f s) (%s) | %.2f of"
                        + " %d connections' time |%n",
                        reminders, bytes / 1e3, dispatchLoad, dispatchSeconds, received / dispatchSeconds,
                        all ? "" : " (only " + received + " arrived)", perMessageMails / perMessageSeconds,
                        reminders * perMessageSeconds / perMessageMails, reminders, baselineMails / oneConnectionSeconds,
                        reminders * oneConnectionSeconds / baselineMails, connections, baselineMails / parallelSeconds,
                        reminders * parallelSeconds / baselineMails, baselineLoad,
                        dispatchSeconds / (reminders * parallelSeconds / baselineMails), connections);
                System.out.printf("| scheduling them (ReminderSchedule, %d threads) | %.1f s, %,.0f reminders/s | | |%n",
                        threads, storeSeconds, reminders / storeSeconds);
                int[] later = { lookupStored, lookupStored * 10 };
                for (int k = 0; k < 2; k++) {
                    double[] figures = lookups.get(k);
                    System.out.printf("| find due: %,d due among %,d scheduled for later (%,d reminders stored in all) (%s) |"
                            + " slots %.1f ms; slots and the due reminders by id %.1f ms (median of 5) | %.1f ms (reminders"
                            + " where status SCHEDULED and fireAt <= now, ids only) | slots %.3f |%n",
                            lookupDue, later[k], (long) figures[3], lookupLoads.get(k), figures[0], figures[1], figures[2],
                            figures[0] / figures[2]);
                }
                System.out.printf("Targets: 100,000 reminders due at once in GreenMail in under 120 s; the lookup's cost"
                        + " the same with 10x as many stored.%n%n");
            }
        }
        finally {
            greenMail.stop();
        }
    }

    /**
     * Prints every 10 s how far the dispatch is: mails queued (reminders fired) and mails GreenMail has, so a slow run
     * shows which side held it up.
     */
    private static AutoCloseable progress(long start, MongoCollection<Document> mails, GreenMail greenMail) {
        var printer = Executors.newSingleThreadScheduledExecutor();
        printer.scheduleAtFixedRate(() -> System.out.printf("  %5.0f s: %,d mails queued, %,d in GreenMail (%s)%n",
                seconds(System.nanoTime() - start), mails.estimatedDocumentCount(), greenMail.getReceivedMessages().length,
                load()), 10, 10, java.util.concurrent.TimeUnit.SECONDS);
        return printer::shutdownNow;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The machine's load, which the figures depend on (2 cores shared with other builds). */
    private static String load() {
        try {
            String[] loadavg = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return "load " + loadavg[0] + " " + loadavg[1] + " " + loadavg[2] + " on "
                    + Runtime.getRuntime().availableProcessors() + " cores";
        }
        catch (java.io.IOException | RuntimeException unknown) {
            return "load unknown";
        }
    }

    /**
     * Stores reminders as {@link ReminderSchedule#schedule} does (listed in their slot, under their item, then the
     * reminder placed in its slot), but thousands per round trip.
     */
    private static void storeInBulk(MongoTemplate mongo, ReminderSlots slots, int first, int count,
            java.util.function.IntFunction<Instant> fireAt, List<UUID> units) {
        int perRoundTrip = 2_000;
        for (int chunk = 0; chunk < count; chunk += perRoundTrip) {
            List<Reminder> placed = new ArrayList<>();
            Map<String, List<String>> entries = new java.util.LinkedHashMap<>();
            BulkOperations items = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ReminderSchedule.ITEMS);
            for (int i = first + chunk; i < first + Math.min(count, chunk + perRoundTrip); i++) {
                Reminder reminder = reminder(i, units);
                Instant at = fireAt.apply(i);
                String slot = ReminderSlots.slotFor(at, CLOCK.instant());
                entries.computeIfAbsent(slot, key -> new ArrayList<>()).add(ReminderSlots.REMINDER + reminder.key());
                items.upsert(Query.query(Criteria.where("_id").is(reminder.itemKey())), new Update()
                        .addToSet("keys", reminder.key()).set("organisationId", reminder.organisationId()));
                placed.add(reminder.withSchedule(at, slot));
            }
            slots.add(entries);
            items.execute();
            mongo.insert(placed, Reminder.class);
        }
    }

    /** The units (projected as from plan-service's org-unit events), each address wanting every reminder at once. */
    private static List<UUID> units(ContactDirectory contacts, MongoTemplate mongo, int count) {
        List<UUID> ids = new ArrayList<>();
        TenantScope.runAsSystem(() -> {
            for (int u = 0; u < count; u++) {
                UUID id = UUID.nameUUIDFromBytes(("bench-unit-" + u).getBytes());
                String address = "enhet-" + u + "@bench.example";
                contacts.onOrgUnit(new PlanEvents.OrgUnit(id, 1L, ORGANISATION, "Enhet " + u, "E" + u, List.of(address),
                        "chef-" + u + "@bench.example"));
                mongo.save(new RecipientPreference(RecipientPreference.idOf(ORGANISATION, address), ORGANISATION, address,
                        DeliveryFrequency.IMMEDIATE, START));
                ids.add(id);
            }
        });
        return ids;
    }

    /** An overdue measure's first escalation stage, keyed as the planner keys it. */
    private static Reminder reminder(int i, List<UUID> units) {
        UUID measure = UUID.nameUUIDFromBytes(("bench-measure-" + i).getBytes());
        UUID plan = UUID.nameUUIDFromBytes(("bench-plan-" + (i / 300)).getBytes());
        LocalDate due = LocalDate.of(2026, 2, 27);
        return Reminder.scheduled("overdue:" + measure + ":" + due + ":unit", ORGANISATION, ReminderKind.MEASURE_OVERDUE,
                EscalationStage.UNIT, "overdue:" + measure, "plan/" + plan + "/measure/" + measure, due,
                "Åtgärd " + i + ": belysning längs gång- och cykelvägen", "Trygghetsplan " + (i / 300), plan, measure, null,
                List.of(units.get(i % units.size())), List.of(), "bench-event-" + i, START);
    }

    /** Spread over the year after the lookup day, office hours. */
    private static Instant later(int i) {
        return LOOKUP_FIRE_AT.plus(Duration.ofDays(1 + i % 365)).plusSeconds(3600L * (i % 9));
    }

    private static void inParallel(int count, int threads, IntConsumer work) throws Exception {
        try (ExecutorService workers = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                running.add(workers.submit(() -> TenantScope.runAsSystem(() -> {
                    for (int i = first; i < count; i += threads) {
                        work.accept(i);
                    }
                })));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        }
    }

    /** Median ms of the slots read, of that plus the due reminders by id, of the collection query; reminders stored. */
    private static double[] timeLookups(ReminderSlots slots, MongoTemplate template, MongoCollection<Document> reminders,
            int due) {
        Instant from = LOOKUP_NOW.minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        int runs = 5;
        double[] slotsOnly = new double[runs];
        double[] ours = new double[runs];
        double[] baseline = new double[runs];
        Document query = new Document("status", "SCHEDULED").append("fireAt", new Document("$lte", Date.from(LOOKUP_NOW)));
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            List<String> keys = TenantScope.callAsSystem(() -> slots.between(from, LOOKUP_NOW).values().stream()
                    .flatMap(List::stream).map(entry -> entry.substring(ReminderSlots.REMINDER.length())).toList());
            slotsOnly[run] = (System.nanoTime() - start) / 1e6;
            int read = TenantScope.callAsSystem(() -> {
                int count = 0;
                for (int i = 0; i < keys.size(); i += 200) {
                    count += template.find(Query.query(Criteria.where("_id").in(keys.subList(i, Math.min(keys.size(), i + 200)))),
                            Reminder.class).size();
                }
                return count;
            });
            ours[run] = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            int scanned = 0;
            for (Document ignored : reminders.find(query).projection(new Document("_id", 1))) {
                scanned++;
            }
            baseline[run] = (System.nanoTime() - start) / 1e6;
            if (keys.size() != due || read != due || scanned != due) {
                throw new IllegalStateException("Lookup found " + keys.size() + " (read " + read + ") and the query "
                        + scanned + ", not " + due);
            }
        }
        Arrays.sort(slotsOnly);
        Arrays.sort(ours);
        Arrays.sort(baseline);
        return new double[] { slotsOnly[runs / 2], ours[runs / 2], baseline[runs / 2], reminders.countDocuments() };
    }

    /**
     * Messages like the service's sample (same subject, text and HTML), sent with plain JavaMail: over a new connection
     * each ({@code connections} 0), or over that many connections at once.
     */
    private static double baselineSends(GreenMail greenMail, Document sample, int count, int connections)
            throws Exception {
        Properties config = new Properties();
        config.put("mail.smtp.host", "127.0.0.1");
        config.put("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
        Session session = Session.getInstance(config);
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        int lanes = Math.max(1, connections);
        try (ExecutorService senders = Executors.newFixedThreadPool(lanes)) {
            List<Future<?>> running = new ArrayList<>();
            for (int lane = 0; lane < lanes; lane++) {
                int first = lane;
                running.add(senders.submit(() -> {
                    Transport shared = connections > 0 ? session.getTransport("smtp") : null;
                    if (shared != null) {
                        shared.connect();
                    }
                    try {
                        for (int i = first; i < count; i += lanes) {
                            MimeMessage message = new MimeMessage(session);
                            message.setFrom("no-reply@trygghetsnav.se");
                            message.setRecipients(Message.RecipientType.TO, "enhet-" + (i % 100) + "@bench.example");
                            message.setSubject(sample.getString("subject"), "UTF-8");
                            message.setContent(MailBodies.alternative(sample.getString("textBody"),
                                    sample.getString("htmlBody")));
                            message.saveChanges();
                            if (shared != null) {
                                shared.sendMessage(message, message.getAllRecipients());
                            }
                            else {
                                Transport.send(message);
                            }
                        }
                    }
                    finally {
                        if (shared != null) {
                            shared.close();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> lane : running) {
                lane.get();
            }
        }
        if (!greenMail.waitForIncomingEmail(Duration.ofMinutes(30).toMillis(), count)) {
            throw new IllegalStateException("The baseline's mails did not all arrive");
        }
        double elapsed = seconds(System.nanoTime() - start);
        System.out.printf("Baseline, %s: %,d mails in %.1f s, %.2f ms of CPU time per mail%n",
                connections == 0 ? "a connection per message" : connections + " connection(s)", count, elapsed,
                (processCpuNanos() - cpuStart) / 1e6 / count);
        greenMail.purgeEmailFromAllMailboxes();
        return elapsed;
    }

    /** notification-service's clock in the benchmark (service-commons keeps its own out of the way). */
    @Configuration(proxyBeanMethods = false)
    static class BenchmarkClock {

        @Bean
        Clock clock() {
            return CLOCK;
        }

        @Bean
        org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer commandTimes() {
            return settings -> settings.addCommandListener(COMMANDS);
        }
    }

    static final CommandTimes COMMANDS = new CommandTimes();

    /** Time from sending each command until its reply, by command and collection (-DmongoCommands). */
    static final class CommandTimes implements com.mongodb.event.CommandListener {

        final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> nanos = new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> counts = new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.concurrent.ConcurrentHashMap<Long, String> names = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
            org.bson.BsonValue target = event.getCommand().get(event.getCommandName());
            String collection = target != null && target.isString() ? target.asString().getValue() : "?";
            names.put((long) event.getRequestId(), event.getCommandName() + " " + collection);
        }

        @Override
        public void commandSucceeded(com.mongodb.event.CommandSucceededEvent event) {
            String name = names.remove((long) event.getRequestId());
            if (name != null) {
                nanos.computeIfAbsent(name, k -> new java.util.concurrent.atomic.LongAdder()).add(event.getElapsedTime(java.util.concurrent.TimeUnit.NANOSECONDS));
                counts.computeIfAbsent(name, k -> new java.util.concurrent.atomic.LongAdder()).increment();
            }
        }

        void reset() {
            nanos.clear();
            counts.clear();
        }

        void print() {
            nanos.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum())).limit(25)
                    .forEach(e -> System.out.printf("  %-45s %,8d commands %8.1f s%n", e.getKey(), counts.get(e.getKey()).sum(),
                            e.getValue().sum() / 1e9));
        }
    }
}
