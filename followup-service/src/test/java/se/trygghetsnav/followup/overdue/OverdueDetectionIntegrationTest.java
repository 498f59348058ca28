package se.trygghetsnav.followup.overdue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import se.trygghetsnav.commons.security.Role;
import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.followup.FollowupServiceApplication;
import se.trygghetsnav.followup.testing.AdoptedPlan;
import se.trygghetsnav.followup.testing.FollowupApi;
import se.trygghetsnav.followup.testing.FollowupEvents;
import se.trygghetsnav.followup.testing.PlanEventStream;
import se.trygghetsnav.followup.testing.PlanEventStream.MeasureSpec;
import se.trygghetsnav.followup.testing.TestClock;
import se.trygghetsnav.testkit.TestInfrastructure;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class OverdueDetectionIntegrationTest {

    private static final String OVERDUE = "se.trygghetsnav.followup.measure-overdue.v1";
    private static final String CLEARED = "se.trygghetsnav.followup.measure-overdue-cleared.v1";
    private static final String MISSING = "se.trygghetsnav.followup.report-missing.v1";
    private static final String SHORT = "se.trygghetsnav.followup.occurrences-fell-short.v1";

    @LocalServerPort
    int port;

    @Autowired
    OverdueSweep sweep;

    @Autowired
    OverdueJudge judge;

    @Test
    void aMeasurePassingItsDueDateGivesExactlyOneOverdueEventAcrossSweepsAndTwoInstancesAndADoneReportClearsIt()
            throws Exception {
        TestClock.setToday(LocalDate.of(2025, 3, 1));
        AdoptedPlan plan = AdoptedPlan.draft("Plan med tidsgräns");
        UUID measure = plan.measure(plan.dueOn("Belysning i gångtunneln", LocalDate.of(2025, 3, 10), plan.ksk));
        plan.adoptAndAwait(port);
        sweepAlone();
        assertThat(FollowupEvents.settled(OVERDUE, measure)).as("before its deadline").isEmpty();

        TestClock.setToday(LocalDate.of(2025, 3, 11));
        try (ConfigurableApplicationContext secondInstance = startSecondInstance()) {
            OverdueSweep otherSweep = secondInstance.getBean(OverdueSweep.class);
            OverdueJudge otherJudge = secondInstance.getBean(OverdueJudge.class);
            // Both instances sweep at once, and both judge the measure directly at once (past the sweep lock, so the
            // aggregate's version is what keeps the transition single); then both sweep again.
            runTogether(List.of(
                    () -> sweep.sweep(), () -> otherSweep.sweep(),
                    () -> judgeAsSystem(judge, measure), () -> judgeAsSystem(otherJudge, measure),
                    () -> judgeAsSystem(judge, measure), () -> judgeAsSystem(otherJudge, measure)));
            sweep.sweep();
            otherSweep.sweep();
        }

        List<JsonNode> overdue = FollowupEvents.await(OVERDUE, measure, 1);
        assertThat(overdue).singleElement().satisfies(event -> {
            assertThat(event.path("deadline").asString()).isEqualTo("2025-03-10");
            assertThat(event.path("overdueSince").asString()).isEqualTo("2025-03-11");
            assertThat(event.path("responsibleUnitIds").path(0).asString()).isEqualTo(plan.ksk.unitId().toString());
        });
        JsonNode followUp = coordinator(plan).getOrNull("/api/v1/measures/{id}/followup", measure).path("measure").path("followUp");
        assertThat(followUp.path("overdue").asBoolean()).isTrue();
        assertThat(followUp.path("overdueSince").asString()).isEqualTo("2025-03-11");

        String round = openRound(plan, "TERTIAL_1", 2025, "2025-05-15");
        FollowupApi.asUnitUser(port, plan.organisation, plan.ksk.unitId()).http().put()
                .uri("/api/v1/rounds/{r}/reports/{m}", round, measure).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", "DONE", "narrative", "Ny belysning på plats 14 mars.")).exchange()
                .expectStatus().isCreated();

        assertThat(FollowupEvents.await(CLEARED, measure, 1)).singleElement().satisfies(event -> {
            assertThat(event.path("reason").asString()).isEqualTo("REPORTED_DONE");
            assertThat(event.path("roundId").asString()).isEqualTo(round);
            assertThat(event.path("overdueSince").asString()).isEqualTo("2025-03-11");
        });
        assertThat(coordinator(plan).getOrNull("/api/v1/measures/{id}/followup", measure).path("measure").path("followUp")
                .path("overdue").asBoolean()).isFalse();
        TestClock.setToday(LocalDate.of(2025, 3, 12));
        sweepAlone();
        assertThat(FollowupEvents.settled(OVERDUE, measure)).as("a done measure stays done").hasSize(1);
    }

    @Test
    void aCorrectionFromDoneBackToOngoingAfterTheDeadlineIsANewTransitionToOverdue() {
        TestClock.setToday(LocalDate.of(2025, 4, 1));
        AdoptedPlan plan = AdoptedPlan.draft("Plan med rättad rapport");
        UUID measure = plan.measure(plan.dueOn("Klotterplank", LocalDate.of(2025, 4, 20), plan.bou));
        plan.adoptAndAwait(port);
        String round = openRound(plan, "TERTIAL_1", 2025, "2025-05-15");
        FollowupApi coordinator = coordinator(plan);
        report(coordinator, round, measure, null, "DONE");

        TestClock.setToday(LocalDate.of(2025, 4, 21));
        sweepAlone();
        assertThat(FollowupEvents.settled(OVERDUE, measure)).as("done before its deadline").isEmpty();

        report(coordinator, round, measure, "\"1\"", "ONGOING");
        assertThat(FollowupEvents.await(OVERDUE, measure, 1)).hasSize(1);
        report(coordinator, round, measure, "\"2\"", "CANCELLED");
        assertThat(FollowupEvents.await(CLEARED, measure, 1)).singleElement()
                .satisfies(event -> assertThat(event.path("reason").asString()).isEqualTo("REPORTED_CANCELLED"));
    }

    @Test
    void aPlanAdoptedWithADeadlinePassedIsOverdueAtOnceAndARevisionMovingTheDeadlineClearsIt() {
        TestClock.setToday(LocalDate.of(2025, 6, 1));
        AdoptedPlan plan = AdoptedPlan.draft("Plan antagen sent");
        MeasureSpec late = plan.dueOn("Redan sen", LocalDate.of(2025, 5, 1), plan.ksk);
        UUID measure = plan.measure(late);
        plan.adoptAndAwait(port);
        assertThat(FollowupEvents.await(OVERDUE, measure, 1)).hasSize(1);

        PlanEventStream revision = plan.stream.draftRevision();
        revision.changeMeasure(measure, late.withDueDate(LocalDate.of(2025, 12, 31)));
        revision.adopt(LocalDate.of(2025, 6, 1), plan.stream);
        plan.stream.archive("SUPERSEDED", revision);

        assertThat(FollowupEvents.await(CLEARED, measure, 1)).singleElement()
                .satisfies(event -> assertThat(event.path("reason").asString()).isEqualTo("DEADLINE_MOVED"));
        TestClock.setToday(LocalDate.of(2026, 1, 1));
        sweepAlone();
        assertThat(FollowupEvents.await(OVERDUE, measure, 2)).as("overdue again after the new deadline").hasSize(2);
    }

    @Test
    void aRoundPastItsDueDateAnnouncesEachMissingReportOncePerResponsibleUnitAndMeasure() {
        TestClock.setToday(LocalDate.of(2025, 8, 1));
        AdoptedPlan plan = AdoptedPlan.draft("Plan med saknade rapporter");
        UUID shared = plan.measure(plan.dueOn("Gemensam insats", LocalDate.of(2025, 12, 31), plan.ksk, plan.bou));
        UUID reported = plan.measure(plan.dueOn("Rapporterad", LocalDate.of(2025, 12, 31), plan.ksk));
        UUID bouOnly = plan.measure(plan.dueOn("BoU:s insats", LocalDate.of(2025, 12, 31), plan.bou));
        plan.adoptAndAwait(port);
        String round = openRound(plan, "TERTIAL_2", 2025, "2025-09-15");
        report(coordinator(plan), round, reported, null, "ONGOING");

        TestClock.setToday(LocalDate.of(2025, 9, 15));
        sweepAlone();
        assertThat(FollowupEvents.settled(MISSING, round)).as("on the due date itself").isEmpty();
        TestClock.setToday(LocalDate.of(2025, 9, 16));
        sweepAlone();
        sweepAlone();

        List<JsonNode> missing = FollowupEvents.await(MISSING, round, 3);
        assertThat(missing).extracting(event -> event.path("measureId").asString() + "/" + event.path("unitId").asString())
                .containsExactlyInAnyOrder(shared + "/" + plan.ksk.unitId(), shared + "/" + plan.bou.unitId(),
                        bouOnly + "/" + plan.bou.unitId());
        assertThat(missing).allSatisfy(event -> assertThat(event.path("dueDate").asString()).isEqualTo("2025-09-15"));
    }

    @Test
    void aRecurringMeasureBehindItsPlannedOccurrencesWhenThePeriodEndsIsFlaggedOnce() {
        TestClock.setToday(LocalDate.of(2025, 4, 20));
        AdoptedPlan plan = AdoptedPlan.draft("Plan med styrgrupp");
        UUID styrgrupp = plan.measure(MeasureSpec.recurring(plan.focusAreaId, plan.problemId, "Styrgruppen träffas", 1,
                "MONTH", LocalDate.of(2024, 1, 1), LocalDate.of(2027, 12, 31), List.of("JULY"), plan.ksk));
        UUID onPlan = plan.measure(MeasureSpec.recurring(plan.focusAreaId, plan.problemId, "Nattvandring", 2, "MONTH",
                LocalDate.of(2024, 1, 1), LocalDate.of(2027, 12, 31), List.of(), plan.ksk));
        plan.adoptAndAwait(port);
        String round = openRound(plan, "TERTIAL_1", 2025, "2025-05-15");
        FollowupApi coordinator = coordinator(plan);
        coordinator.http().put().uri("/api/v1/rounds/{r}/reports/{m}", round, styrgrupp).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", "ONGOING", "occurrencesHeld", 3)).exchange().expectStatus().isCreated();
        coordinator.http().put().uri("/api/v1/rounds/{r}/reports/{m}", round, onPlan).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", "ONGOING", "occurrencesHeld", 8)).exchange().expectStatus().isCreated();
        sweepAlone();
        assertThat(FollowupEvents.settled(SHORT, round)).as("while the period runs").isEmpty();

        TestClock.setToday(LocalDate.of(2025, 5, 1));
        sweepAlone();
        sweepAlone();

        assertThat(FollowupEvents.await(SHORT, round, 1)).singleElement().satisfies(event -> {
            assertThat(event.path("measureId").asString()).isEqualTo(styrgrupp.toString());
            assertThat(event.path("occurrencesHeld").asInt()).isEqualTo(3);
            assertThat(event.path("occurrencesPlanned").asInt()).isEqualTo(4);
        });
    }

    @Test
    void aSweepReadsOnlyWhatFellDueSinceTheLastOneNotEveryMeasureStored() {
        TestClock.setToday(LocalDate.of(2025, 2, 1));
        AdoptedPlan plan = AdoptedPlan.draft("Plan med många åtgärder");
        for (int i = 0; i < 20; i++) {
            plan.measure(plan.dueOn("Långsiktig " + i, LocalDate.of(2035, 12, 31), plan.ksk));
        }
        UUID due = plan.measure(plan.dueOn("Förfaller", LocalDate.of(2025, 2, 16), plan.ksk));
        UUID alsoDue = plan.measure(plan.dueOn("Förfaller också", LocalDate.of(2025, 2, 16), plan.bou));
        plan.adoptAndAwait(port);

        TestClock.setToday(LocalDate.of(2025, 2, 16));
        sweepAlone();
        TestClock.setToday(LocalDate.of(2025, 2, 17));
        OverdueSweep.SweepResult result = sweepAlone();

        assertThat(result.from()).isEqualTo(LocalDate.of(2025, 2, 16));
        assertThat(result.entries()).isEqualTo(2);
        assertThat(FollowupEvents.await(OVERDUE, due, 1)).hasSize(1);
        assertThat(FollowupEvents.await(OVERDUE, alsoDue, 1)).hasSize(1);
    }

    @Test
    void measuresFallingDueTogetherAreJudgedInBulkByTwoInstancesAtOnceEachOverdueOnceAndADoneOneNot() throws Exception {
        TestClock.setToday(LocalDate.of(2025, 4, 1));
        AdoptedPlan plan = AdoptedPlan.draft("Plan med en tung förfallodag");
        List<UUID> due = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            due.add(plan.measure(plan.dueOn("Förfaller " + i, LocalDate.of(2025, 4, 30), i % 2 == 0 ? plan.ksk : plan.bou)));
        }
        plan.adoptAndAwait(port);
        String round = openRound(plan, "TERTIAL_1", 2025, "2025-05-15");
        UUID done = due.getFirst();
        report(FollowupApi.asUnitUser(port, plan.organisation, plan.ksk.unitId()), round, done, null, "DONE");

        TestClock.setToday(LocalDate.of(2025, 5, 1));
        try (ConfigurableApplicationContext secondInstance = startSecondInstance()) {
            OverdueJudge otherJudge = secondInstance.getBean(OverdueJudge.class);
            runTogether(List.of(() -> judgeAllAsSystem(judge, due), () -> judgeAllAsSystem(otherJudge, due)));
        }
        sweepAlone();

        for (UUID measure : due.subList(1, due.size())) {
            assertThat(FollowupEvents.await(OVERDUE, measure, 1)).as("measure %s", measure).hasSize(1);
        }
        for (UUID measure : due.subList(1, due.size())) {
            assertThat(FollowupEvents.settled(OVERDUE, measure)).as("measure %s, once", measure).hasSize(1);
        }
        assertThat(FollowupEvents.settled(OVERDUE, done)).as("reported done before its deadline").isEmpty();
    }

    private static Integer judgeAllAsSystem(OverdueJudge judge, List<UUID> measures) {
        return TenantScope.callAsSystem(() -> judge.judgeAll(measures));
    }

    private OverdueSweep.SweepResult sweepAlone() {
        return sweep.sweep().orElseThrow(() -> new AssertionError("the sweep lock was taken"));
    }

    private static Void judgeAsSystem(OverdueJudge judge, UUID measure) {
        TenantScope.runAsSystem(() -> judge.judge(measure));
        return null;
    }

    private static void runTogether(List<Callable<?>> tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (Callable<?> task : tasks) {
                running.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            for (Future<?> future : running) {
                future.get(60, TimeUnit.SECONDS);
            }
        }
        finally {
            threads.shutdownNow();
        }
    }

    /** A second followup-service instance against the same MongoDB and Kafka, as a second replica would run. */
    private static ConfigurableApplicationContext startSecondInstance() {
        List<String> arguments = new ArrayList<>();
        TestInfrastructure.get().springProperties().forEach((key, value) -> arguments.add("--" + key + "=" + value));
        arguments.add("--spring.jmx.enabled=false");
        return new SpringApplicationBuilder(FollowupServiceApplication.class).run(arguments.toArray(String[]::new));
    }

    private String openRound(AdoptedPlan plan, String kind, int year, String dueDate) {
        return coordinator(plan).http().post().uri("/api/v1/plans/{id}/rounds", plan.planId())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("kind", kind, "year", year, "dueDate", dueDate))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("id").asString();
    }

    private static void report(FollowupApi api, String round, UUID measure, String ifMatch, String status) {
        var request = api.http().put().uri("/api/v1/rounds/{r}/reports/{m}", round, measure)
                .contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        request.body(Map.of("status", status)).exchange().expectStatus().is2xxSuccessful();
    }

    private FollowupApi coordinator(AdoptedPlan plan) {
        return FollowupApi.as(port, plan.organisation, Role.COORDINATOR);
    }
}
