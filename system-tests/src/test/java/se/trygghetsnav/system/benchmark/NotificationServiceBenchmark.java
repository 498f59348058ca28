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
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.bson.Document;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.MimeMessageHelper;

import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.notification.NotificationServiceApplication;
import se.trygghetsnav.notification.contacts.ContactDirectory;
import se.trygghetsnav.notification.contacts.PlanEvents;
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
 * the service sends to, has received every mail. Baselines: the same number of messages of the same size, sent
 * with plain JavaMail to the same GreenMail, once over a new connection per message (as Spring's JavaMailSender
 * sends each mail) and once over one connection.
 *
 * <p>Due lookup: the dispatcher's "find due" step ({@link ReminderSlots#between}, what a pass reads) timed with
 * {@code -DlookupDue} (1,000) reminders due among {@code -DlookupStored} (10,000) scheduled for later, then with 10x
 * as many scheduled for later and the same number due. Beside it, the question asked of the reminders collection
 * directly (status SCHEDULED and fire time passed; no fire-time index), which reads every reminder stored.
 *
 * <p>Run: {@code ./mvnw -q -pl system-tests test-compile exec:java
 * -Dbenchmark.main=se.trygghetsnav.system.benchmark.NotificationServiceBenchmark} after an install (README);
 * smaller: {@code -Dreminders=2000 -DlookupStored=1000 -DlookupDue=100}.
 */
public final class NotificationServiceBenchmark {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final String DATABASE = "trygghetsnav-notification-benchmark";
    private static final String ORGANISATION = "bench-kommun";
    /** Monday 2026-03-02, 07:00 in Stockholm: before the reminders' fire time, 08:00. */
    private static final Instant START = Instant.parse("2026-03-02T06:00:00Z");
    private static final Instant FIRE_AT = Instant.parse("2026-03-02T07:00:00Z");
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
        int lookupDue = Integer.getInteger("lookupDue", 1_000);
        int lookupStored = Integer.getInteger("lookupStored", 10_000);
        int threads = Integer.getInteger("scheduleThreads", 4);

        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        Map<String, Object> properties = BenchmarkInfrastructure.properties(DATABASE);
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", greenMail.getSmtp().getPort());
        properties.put("spring.mail.properties.mail.smtp.auth", "false");
        // The worker's own pace, so that the time counted starts when the reminders fall due.
        properties.put("trygghetsnav.notification.reminders.dispatch-interval", "1s");
        String mongoUri = (String) properties.get("spring.mongodb.uri");
        System.out.printf("%nnotification-service benchmark: %,d reminders due at once to %d units' addresses; lookup %,d due"
                + " among %,d and %,d scheduled; MongoDB %s, GreenMail on port %d%n", reminders, units, lookupDue,
                lookupStored, lookupStored * 10, mongoUri, greenMail.getSmtp().getPort());

        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            mongo.getDatabase(DATABASE).drop();
            try (ConfigurableApplicationContext service = new SpringApplicationBuilder(
                    NotificationServiceApplication.class, BenchmarkClock.class)
                    .run(BenchmarkInfrastructure.arguments(properties))) {
                ReminderSchedule schedule = service.getBean(ReminderSchedule.class);
                ReminderSlots slots = service.getBean(ReminderSlots.class);
                MongoTemplate template = service.getBean(MongoTemplate.class);
                List<UUID> unitIds = units(service.getBean(ContactDirectory.class), template, units);

                // Dispatch: every reminder due at FIRE_AT.
                long storeStart = System.nanoTime();
                inParallel(reminders, threads, i -> schedule.schedule(reminder(i, unitIds), FIRE_AT));
                double storeSeconds = seconds(System.nanoTime() - storeStart);
                System.out.printf("Scheduled %,d reminders in %.1f s; moving the clock to their fire time%n", reminders,
                        storeSeconds);

                long dispatchStart = System.nanoTime();
                CLOCK.set(FIRE_AT.plusSeconds(60));
                boolean all = greenMail.waitForIncomingEmail(Duration.ofMinutes(30).toMillis(), reminders);
                double dispatchSeconds = seconds(System.nanoTime() - dispatchStart);
                int received = greenMail.getReceivedMessages().length;
                if (!all) {
                    System.out.printf("Only %,d of %,d mails arrived within 30 min%n", received, reminders);
                }
                Document sample = mongo.getDatabase(DATABASE).getCollection("outgoing_mails").find().first();
                greenMail.purgeEmailFromAllMailboxes();

                System.out.printf("Dispatched in %.1f s; the plain JavaMail baselines%n", dispatchSeconds);
                double perMessageSeconds = baselineSends(greenMail, sample, reminders, false);
                greenMail.purgeEmailFromAllMailboxes();
                double oneConnectionSeconds = baselineSends(greenMail, sample, reminders, true);
                greenMail.purgeEmailFromAllMailboxes();

                // Due lookup: lookupDue due at LOOKUP_FIRE_AT among lookupStored, then 10x, scheduled for later.
                inParallel(lookupDue, threads, i -> schedule.schedule(reminder(reminders + i, unitIds), LOOKUP_FIRE_AT));
                int scheduledLater = 0;
                List<double[]> lookups = new ArrayList<>();
                for (int stored : new int[] { lookupStored, lookupStored * 10 }) {
                    int from = reminders + lookupDue + scheduledLater;
                    inParallel(stored - scheduledLater, threads, i -> schedule.schedule(reminder(from + i, unitIds),
                            later(from + i)));
                    scheduledLater = stored;
                    System.out.printf("%,d scheduled for later, %,d due; timing the lookup%n", stored, lookupDue);
                    lookups.add(timeLookups(slots, mongo.getDatabase(DATABASE).getCollection("reminders"), lookupDue));
                }

                long bytes = sample == null ? 0 : (sample.getString("textBody").length() + sample.getString("htmlBody").length());
                System.out.printf("%n| figure | ours | raw baseline | ours / baseline |%n|---|---|---|---|%n");
                System.out.printf("| %,d reminders due at once, each one mail (~%.1f kB text+HTML), until GreenMail has them all | %.1f s, %,.0f mails/s%s | %.1f s, %,.0f mails/s (plain JavaMail, a connection per message); %.1f s, %,.0f mails/s (one connection) | %.2f / %.2f |%n",
                        reminders, bytes / 1e3, dispatchSeconds, received / dispatchSeconds,
                        all ? "" : " (only " + received + " arrived)", perMessageSeconds, reminders / perMessageSeconds,
                        oneConnectionSeconds, reminders / oneConnectionSeconds, dispatchSeconds / perMessageSeconds,
                        dispatchSeconds / oneConnectionSeconds);
                System.out.printf("| scheduling them (ReminderSchedule, %d threads) | %.1f s, %,.0f reminders/s | | |%n",
                        threads, storeSeconds, reminders / storeSeconds);
                int[] stored = { lookupStored, lookupStored * 10 };
                for (int k = 0; k < 2; k++) {
                    double[] figures = lookups.get(k);
                    System.out.printf("| find due: %,d due among %,d scheduled for later (%,d reminders stored in all) | %.2f ms (median of 9) | %.2f ms (reminders where status SCHEDULED and fireAt <= now) | %.3f |%n",
                            lookupDue, stored[k], (long) figures[2], figures[0], figures[1], figures[0] / figures[1]);
                }
                System.out.printf("Targets: 100,000 reminders due at once in GreenMail in under 120 s; the lookup's cost"
                        + " the same with 10x as many stored.%n%n");
            }
        }
        finally {
            greenMail.stop();
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

    /** Median ms of our lookup, of the collection query, and the number of reminders stored. */
    private static double[] timeLookups(ReminderSlots slots, MongoCollection<Document> reminders, int due) {
        Instant from = LOOKUP_NOW.minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        double[] ours = new double[9];
        double[] baseline = new double[9];
        Document query = new Document("status", "SCHEDULED").append("fireAt", new Document("$lte", Date.from(LOOKUP_NOW)));
        for (int run = 0; run < 9; run++) {
            long start = System.nanoTime();
            int found = TenantScope.callAsSystem(() -> slots.between(from, LOOKUP_NOW).values().stream()
                    .mapToInt(List::size).sum());
            ours[run] = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            int scanned = 0;
            for (Document ignored : reminders.find(query).projection(new Document("_id", 1))) {
                scanned++;
            }
            baseline[run] = (System.nanoTime() - start) / 1e6;
            if (found != due || scanned != due) {
                throw new IllegalStateException("Lookup found " + found + " and the query " + scanned + ", not " + due);
            }
        }
        Arrays.sort(ours);
        Arrays.sort(baseline);
        return new double[] { ours[4], baseline[4], reminders.countDocuments() };
    }

    /** Messages like the service's sample (same subject, text and HTML), sent with plain JavaMail. */
    private static double baselineSends(GreenMail greenMail, Document sample, int count, boolean oneConnection)
            throws Exception {
        Properties config = new Properties();
        config.put("mail.smtp.host", "127.0.0.1");
        config.put("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
        Session session = Session.getInstance(config);
        long start = System.nanoTime();
        Transport shared = oneConnection ? session.getTransport("smtp") : null;
        if (shared != null) {
            shared.connect();
        }
        try {
            for (int i = 0; i < count; i++) {
                MimeMessage message = new MimeMessage(session);
                MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
                helper.setFrom("no-reply@trygghetsnav.se");
                helper.setTo("enhet-" + (i % 100) + "@bench.example");
                helper.setSubject(sample.getString("subject"));
                helper.setText(sample.getString("textBody"), sample.getString("htmlBody"));
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
        if (!greenMail.waitForIncomingEmail(Duration.ofMinutes(30).toMillis(), count)) {
            throw new IllegalStateException("The baseline's mails did not all arrive");
        }
        return seconds(System.nanoTime() - start);
    }

    /** notification-service's clock in the benchmark (service-commons keeps its own out of the way). */
    @Configuration(proxyBeanMethods = false)
    static class BenchmarkClock {

        @Bean
        Clock clock() {
            return CLOCK;
        }
    }
}
