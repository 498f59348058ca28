package se.trygghetsnav.testkit;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import se.trygghetsnav.commons.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service promises operations: health with liveness and readiness groups (readiness covering
 * MongoDB and Kafka), Prometheus metrics, the OpenAPI document and UI, and problem details for unknown
 * paths. A service's test extends this and names its readiness components.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
public abstract class OperationalEndpointsContract {

    private final List<String> readinessComponents;

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    protected RestTestClient api;
    protected RestTestClient management;

    /** @param readinessComponents the health contributors the service's readiness group must include */
    protected OperationalEndpointsContract(String... readinessComponents) {
        this.readinessComponents = List.of(readinessComponents);
    }

    @BeforeEach
    void clients() {
        api = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        management = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
    }

    @Test
    void readinessIsUpAndCoversTheServicesDependencies() {
        var body = management.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP");
        for (String component : readinessComponents) {
            body.jsonPath("$.components." + component + ".status").isEqualTo("UP");
        }
    }

    @Test
    void livenessIsUp() {
        management.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAreTaggedWithTheApplication() {
        String metrics = management.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(metrics).contains("jvm_memory_used_bytes").contains("application=\"");
    }

    @Test
    void openApiDocumentAndUiArePublished() {
        api.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.openapi").exists().jsonPath("$.info.title").exists()
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer")
                .jsonPath("$.components.securitySchemes.signIn.flows.authorizationCode.tokenUrl").exists();
        api.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.oauth2RedirectUrl").exists();
        api.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }

    @Test
    void healthAndMetricsNeedNoTokenOnTheManagementPort() {
        management.get().uri("/actuator/health").exchange().expectStatus().isOk();
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }

    @Test
    void theApiNeedsATokenEvenWherePathsAreUnknown() {
        api.get().uri("/api/v1/no-such-thing").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anUnknownPathAnswersProblemDetails() {
        api.get().uri("/api/v1/no-such-thing").accept(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("0188", Role.READER)).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/not-found")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.trace").doesNotExist();
    }

    @Test
    void anUnknownPathAnswersInSwedishWhenAsked() {
        api.get().uri("/api/v1/no-such-thing").header("Accept-Language", "sv")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("0188", Role.READER)).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.title").isEqualTo("Hittades inte");
    }
}
