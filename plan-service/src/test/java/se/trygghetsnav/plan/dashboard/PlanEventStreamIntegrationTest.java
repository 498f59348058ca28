package se.trygghetsnav.plan.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import se.trygghetsnav.commons.security.Role;
import se.trygghetsnav.testkit.TestTokens;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Server-Sent Events stream browser dashboards read. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class PlanEventStreamIntegrationTest {

    @LocalServerPort
    int port;

    private final String organisation = "org-" + UUID.randomUUID();
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aChangeMadeThroughTheApiReachesAnOpenStreamAndAReconnectResumesAfterTheLastEventSeen() throws Exception {
        List<SseEvent> received = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> open = client.sendAsync(streamRequest(null, true),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = open.get();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE));
        Thread reader = Thread.ofVirtual().start(() -> parse(response.body(), received));

        RestTestClient http = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", TestTokens.bearer(organisation, Role.COORDINATOR)).build();
        // The stream starts from now, once its consumer has its position: keep changing until the first arrives.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            startPlan(http, "Plan för instrumentpanelen");
            assertThat(received).extracting(SseEvent::name).contains("plan-created");
        });
        SseEvent first = received.getFirst();
        assertThat(first.data()).contains("\"organisationId\":\"" + organisation + "\"")
                .contains("Plan för instrumentpanelen");
        assertThat(first.id()).matches("\\d+:\\d+(,\\d+:\\d+)*");

        UUID plan = startPlan(http, "Plan som får ett fokusområde");
        http.post().uri("/api/v1/plans/{id}/focus-areas", plan).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Trygghet i offentlig miljö")).exchange().expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(received).extracting(SseEvent::name)
                .contains("focus-area-added"));
        response.body().close();
        reader.interrupt();

        List<SseEvent> resumed = new ArrayList<>();
        parse(client.send(streamRequest(first.id(), false), HttpResponse.BodyHandlers.ofLines()).body(), resumed);
        assertThat(resumed).extracting(SseEvent::data).noneMatch(data -> data.equals(first.data()));
        assertThat(resumed).extracting(SseEvent::name).contains("focus-area-added");
        assertThat(resumed).allSatisfy(event -> assertThat(event.data()).contains("\"organisationId\":\"" + organisation + "\""));
    }

    @Test
    void anotherOrganisationsChangesAreNeverStreamed() throws Exception {
        RestTestClient stranger = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", TestTokens.bearer("org-" + UUID.randomUUID(), Role.COORDINATOR)).build();
        RestTestClient own = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", TestTokens.bearer(organisation, Role.COORDINATOR)).build();
        startPlan(stranger, "Någon annans plan");
        startPlan(own, "Vår egen plan");

        List<SseEvent> events = new ArrayList<>();
        // "0:0" names partition 0 from its start; partitions it does not name are read from their start too.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            events.clear();
            parse(client.send(streamRequest("0:0", false), HttpResponse.BodyHandlers.ofLines()).body(), events);
            assertThat(events).extracting(SseEvent::data).anySatisfy(data -> assertThat(data).contains("Vår egen plan"));
        });
        assertThat(events).extracting(SseEvent::data).noneMatch(data -> data.contains("Någon annans plan"));
        assertThat(events).allSatisfy(event -> assertThat(event.data()).contains("\"organisationId\":\"" + organisation + "\""));
    }

    private HttpRequest streamRequest(String lastEventId, boolean follow) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/plan-events?follow=" + follow))
                .header("Authorization", TestTokens.bearer(organisation, Role.READER))
                .header("Accept", MediaType.TEXT_EVENT_STREAM_VALUE);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return request.GET().build();
    }

    private static UUID startPlan(RestTestClient http, String title) {
        Map<?, ?> plan = http.post().uri("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", title, "period", Map.of("startYear", 2025, "endYear", 2026)))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) plan.get("id"));
    }

    /** Reads "id:", "event:" and "data:" lines into events, as a browser's EventSource does. */
    private static void parse(Stream<String> lines, List<SseEvent> into) {
        String[] current = new String[3];
        try {
            lines.forEach(line -> {
                if (line.isEmpty()) {
                    if (current[2] != null) {
                        into.add(new SseEvent(current[0], current[1], current[2]));
                    }
                    current[0] = current[1] = current[2] = null;
                }
                else if (line.startsWith("id:")) {
                    current[0] = line.substring(3).strip();
                }
                else if (line.startsWith("event:")) {
                    current[1] = line.substring(6).strip();
                }
                else if (line.startsWith("data:")) {
                    current[2] = line.substring(5).strip();
                }
            });
        }
        catch (RuntimeException closed) {
            // the test closed the stream
        }
    }

    record SseEvent(String id, String name, String data) {
    }
}
