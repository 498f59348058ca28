package se.trygghetsnav.plan;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import se.trygghetsnav.commons.security.Role;
import se.trygghetsnav.testkit.OperationalEndpointsContract;
import se.trygghetsnav.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OperationalEndpointsIntegrationTest extends OperationalEndpointsContract {

    OperationalEndpointsIntegrationTest() {
        super("mongo", "kafka");
    }

    @Test
    void theOutboxRelaysSendsAreTimedInPrometheus() {
        api.post().uri("/api/v1/org-units").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", TestTokens.bearer("org-" + UUID.randomUUID(), Role.COORDINATOR))
                .body(Map.of("name", "Kultur och fritid", "abbreviation", "KoF", "contactEmails", List.of("kof@example.se")))
                .exchange().expectStatus().isCreated();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(management.get()
                .uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody())
                .containsPattern("trygghetsnav_outbox_publish_seconds_count\\{[^}]*messaging_destination_name=\"plan.events\""));
    }
}
