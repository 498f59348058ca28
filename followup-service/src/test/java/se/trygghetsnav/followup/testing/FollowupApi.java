package se.trygghetsnav.followup.testing;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import se.trygghetsnav.commons.security.Role;
import se.trygghetsnav.testkit.TestTokens;

import static org.awaitility.Awaitility.await;

/** Calls of followup-service's API for tests, as a given organisation, roles and unit. */
public final class FollowupApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestTestClient http;

    private FollowupApi(RestTestClient http) {
        this.http = http;
    }

    public static FollowupApi as(int port, String organisationId, Role... roles) {
        return new FollowupApi(client(port, TestTokens.bearer(organisationId, roles)));
    }

    /** A user of one unit of the organisation. */
    public static FollowupApi asUnitUser(int port, String organisationId, UUID unitId) {
        return asUnitUser(port, organisationId, unitId.toString());
    }

    /** A user of one unit, named in the token's org_unit claim as given (an id or an abbreviation). */
    public static FollowupApi asUnitUser(int port, String organisationId, String orgUnitClaim) {
        return new FollowupApi(client(port, TestTokens.forOrganisation(organisationId, Role.UNIT_USER)
                .orgUnit(orgUnitClaim).bearer()));
    }

    private static RestTestClient client(int port, String bearer) {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, bearer).build();
    }

    public RestTestClient http() {
        return http;
    }

    /** GETs a resource; the body as a JSON tree, or null when the status is not 200. */
    public JsonNode getOrNull(String uri, Object... variables) {
        EntityExchangeResult<byte[]> result = http.get().uri(uri, variables).exchange().expectBody().returnResult();
        return result.getStatus().value() == 200 ? JSON.readTree(result.getResponseBody()) : null;
    }

    /** GETs a resource until it exists and passes {@code test}, e.g. until an event has been projected. */
    public JsonNode awaitGet(Predicate<JsonNode> test, String uri, Object... variables) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> getOrNull(uri, variables), body -> body != null && test.test(body));
    }

    public static JsonNode json(byte[] body) {
        return JSON.readTree(body);
    }

    public static String text(Map<String, ?> body) {
        return JSON.writeValueAsString(body);
    }
}
