package se.trygghetsnav.system;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;

import se.trygghetsnav.auth.AuthServerApplication;
import se.trygghetsnav.plan.PlanServiceApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local run's wiring: a service configured with the authorization server's issuer and key set accepts
 * the tokens its demo clients get, and keeps each organisation to its own data.
 */
class AuthorizationServerIntegrationTest {

    private static RunningServices services;
    private static RestTestClient authServer;
    private static RestTestClient planService;

    @BeforeAll
    static void start(@TempDir Path keys) {
        services = new RunningServices();
        // The authorization server runs alone in production; here it shares the services' class path, so the
        // data and messaging auto-configuration it would never see is switched off.
        ConfigurableApplicationContext auth = services.startStandalone(AuthServerApplication.class, Map.of(
                "server.port", 0,
                "trygghetsnav.auth.signing-key-file", keys.resolve("signing-key.json"),
                "spring.autoconfigure.exclude", String.join(",",
                        "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
                        "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
                        "org.springframework.boot.mongodb.autoconfigure.metrics.MongoMetricsAutoConfiguration",
                        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
                        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration",
                        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
                        "org.springframework.cloud.stream.config.BindingServiceConfiguration",
                        "org.springframework.cloud.stream.config.BindersHealthIndicatorAutoConfiguration",
                        "org.springframework.cloud.stream.function.FunctionConfiguration")));
        int authPort = RunningServices.port(auth);
        ConfigurableApplicationContext plan = services.start(PlanServiceApplication.class, Map.of(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", "http://localhost:9000",
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "http://127.0.0.1:" + authPort + "/oauth2/jwks"));
        authServer = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + authPort).build();
        planService = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + RunningServices.port(plan)).build();
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @Test
    void aDemoCoordinatorsTokenWritesToItsOrganisationAndAnotherMunicipalityCannotSeeIt() {
        String norrtalje = token("norrtalje-samordnare");
        Map<?, ?> plan = planService.post().uri("/api/v1/plans").header("Authorization", "Bearer " + norrtalje)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", "Brottsförebyggande åtgärdsplan 2024–2026", "period", Map.of("startYear", 2024, "endYear", 2026)))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertOrganisation(plan, "0188");

        planService.get().uri("/api/v1/plans/{id}", plan.get("id")).header("Authorization", "Bearer " + token("ronneby-samordnare"))
                .exchange().expectStatus().isNotFound();
        planService.get().uri("/api/v1/plans/{id}", plan.get("id")).header("Authorization", "Bearer " + token("norrtalje-lasare"))
                .exchange().expectStatus().isOk();
    }

    @Test
    void aHousingCompanysEstMemberMayNotWritePlans() {
        planService.post().uri("/api/v1/plans").header("Authorization", "Bearer " + token("roslagsbostader-est"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", "Plan", "period", Map.of("startYear", 2025, "endYear", 2026)))
                .exchange().expectStatus().isForbidden();
    }

    private static void assertOrganisation(Map<?, ?> resource, String organisation) {
        assertThat(resource.get("organisationId")).isEqualTo(organisation);
    }

    private static String token(String client) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.put("grant_type", List.of("client_credentials"));
        Map<?, ?> response = authServer.post().uri("/oauth2/token").headers(headers -> headers.setBasicAuth(client, "demo-" + client))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) response.get("access_token");
    }
}
