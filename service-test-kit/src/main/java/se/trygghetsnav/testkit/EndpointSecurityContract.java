package se.trygghetsnav.testkit;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

import se.trygghetsnav.commons.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security rule every endpoint keeps (security issue): 401 without a token and with an expired, badly
 * signed or foreign-issuer token; 403 for a role that may not call it; 404 for another organisation's data;
 * and through for an allowed role of the owning organisation. A service's test lists its endpoints with the
 * roles allowed; the contract also fails when the service has an {@code /api} endpoint the list lacks, so a
 * new endpoint cannot skip these checks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
public abstract class EndpointSecurityContract {

    @LocalServerPort
    private int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlerMapping;

    private final String owner = "org-" + UUID.randomUUID();
    private final String stranger = "org-" + UUID.randomUUID();
    private @Nullable Map<String, Object> ownData;

    /** Every {@code /api} endpoint of the service, with the roles that may call it. */
    protected abstract List<SecuredEndpoint> endpoints();

    /**
     * Creates data owned by {@code organisationId} (through the API, as its coordinator would) and returns the
     * values of the path variables and request bodies that name it, e.g. {@code planId}. None by default.
     */
    protected Map<String, Object> createOwnData(String organisationId, RestTestClient asCoordinator) {
        return Map.of();
    }

    protected RestTestClient client(@Nullable String authorization) {
        RestTestClient.Builder<?> builder = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port);
        if (authorization != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        return builder.build();
    }

    @Test
    void everyApiEndpointOfTheServiceIsListed() {
        Set<String> served = new TreeSet<>();
        handlerMapping.getHandlerMethods().keySet().forEach(mapping -> served.addAll(describe(mapping)));
        Set<String> listed = endpoints().stream().map(SecuredEndpoint::signature).collect(Collectors.toCollection(TreeSet::new));

        assertThat(listed).as("the endpoint list of the security test").isEqualTo(served);
    }

    @TestFactory
    Stream<DynamicTest> withoutATokenEveryEndpointAnswers401() {
        return each(endpoint -> expectUnauthenticated(endpoint, null));
    }

    @TestFactory
    Stream<DynamicTest> anExpiredTokenAnswers401() {
        return each(endpoint -> expectUnauthenticated(endpoint,
                TestTokens.forOrganisation(owner, Role.values()).expired().bearer()));
    }

    @TestFactory
    Stream<DynamicTest> aTokenSignedByAnotherKeyAnswers401() {
        return each(endpoint -> expectUnauthenticated(endpoint,
                TestTokens.forOrganisation(owner, Role.values()).signedWithForeignKey().bearer()));
    }

    @TestFactory
    Stream<DynamicTest> aTokenOfAnotherIssuerOrAudienceAnswers401() {
        return each(endpoint -> {
            expectUnauthenticated(endpoint, TestTokens.forOrganisation(owner, Role.values())
                    .issuer("https://elsewhere.example").bearer());
            expectUnauthenticated(endpoint, TestTokens.forOrganisation(owner, Role.values())
                    .audience("another-system").bearer());
        });
    }

    @TestFactory
    Stream<DynamicTest> aRoleThatMayNotCallAnEndpointAnswers403() {
        return endpoints().stream().filter(endpoint -> endpoint.allowed().size() < Role.values().length)
                .map(endpoint -> DynamicTest.dynamicTest(endpoint.signature(), () -> {
                    Role[] others = TestTokens.rolesExcept(endpoint.allowed());
                    call(endpoint, TestTokens.forOrganisation(owner, others).bearer(), data())
                            .expectStatus().isForbidden()
                            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                            .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/forbidden");
                }));
    }

    @TestFactory
    Stream<DynamicTest> anotherOrganisationsDataAnswers404() {
        return endpoints().stream().filter(SecuredEndpoint::namesData)
                .map(endpoint -> DynamicTest.dynamicTest(endpoint.signature(), () ->
                        call(endpoint, TestTokens.forOrganisation(stranger, endpoint.allowedArray()).bearer(), data())
                                .expectStatus().isNotFound()
                                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/not-found")));
    }

    @TestFactory
    Stream<DynamicTest> anAllowedRoleOfTheOwningOrganisationGetsThrough() {
        return endpoints().stream().flatMap(endpoint -> endpoint.allowed().stream().map(role ->
                DynamicTest.dynamicTest(endpoint.signature() + " as " + role, () ->
                        call(endpoint, TestTokens.forOrganisation(owner, role).bearer(), data())
                                .expectStatus().is2xxSuccessful())));
    }

    private Stream<DynamicTest> each(ThrowingEndpointCheck check) {
        return endpoints().stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.signature(), () -> check.run(endpoint)));
    }

    private void expectUnauthenticated(SecuredEndpoint endpoint, @Nullable String authorization) {
        call(endpoint, authorization, data())
                .expectStatus().isUnauthorized()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer"))
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/unauthenticated");
    }

    private RestTestClient.ResponseSpec call(SecuredEndpoint endpoint, @Nullable String authorization,
            Map<String, Object> data) {
        String uri = UriComponentsBuilder.fromUriString(endpoint.path()).buildAndExpand(endpoint.variables(data)).toUriString();
        RestTestClient.RequestBodySpec request = client(authorization).method(endpoint.method()).uri(uri);
        if (endpoint.body() != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(endpoint.body().apply(data));
        }
        return request.exchange();
    }

    private synchronized Map<String, Object> data() {
        if (ownData == null) {
            ownData = new HashMap<>(createOwnData(owner, client(TestTokens.bearer(owner, Role.COORDINATOR))));
        }
        return ownData;
    }

    private static Set<String> describe(RequestMappingInfo mapping) {
        Set<String> methods = mapping.getMethodsCondition().getMethods().stream().map(Enum::name)
                .collect(Collectors.toSet());
        return mapping.getPatternValues().stream().filter(pattern -> pattern.startsWith("/api/"))
                .flatMap(pattern -> methods.stream().map(method -> method + " " + pattern))
                .collect(Collectors.toSet());
    }

    @FunctionalInterface
    private interface ThrowingEndpointCheck {

        void run(SecuredEndpoint endpoint) throws Exception;
    }

    /**
     * One endpoint: method, path with {@code {variables}} (and a query string if it needs one), the roles
     * allowed, and for writes a valid body built from the own data.
     */
    public record SecuredEndpoint(HttpMethod method, String path, Set<Role> allowed,
            @Nullable Function<Map<String, Object>, Object> body, Map<String, String> dataFor) {

        public static SecuredEndpoint get(String path, Role... allowed) {
            return new SecuredEndpoint(HttpMethod.GET, path, roles(allowed), null, Map.of());
        }

        public static SecuredEndpoint post(String path, Function<Map<String, Object>, Object> body, Role... allowed) {
            return new SecuredEndpoint(HttpMethod.POST, path, roles(allowed), body, Map.of());
        }

        public static SecuredEndpoint put(String path, Function<Map<String, Object>, Object> body, Role... allowed) {
            return new SecuredEndpoint(HttpMethod.PUT, path, roles(allowed), body, Map.of());
        }

        /**
         * A delete. Point its path variable at data of its own with {@link #using}: the contract calls it once
         * per allowed role, and other endpoints may run after it.
         */
        public static SecuredEndpoint delete(String path, Role... allowed) {
            return new SecuredEndpoint(HttpMethod.DELETE, path, roles(allowed), null, Map.of());
        }

        /**
         * Fills the path variable {@code variable} from the own data's {@code dataKey} instead of its own name,
         * for endpoints that change state (a delete, an adoption) and need an element nothing else uses.
         */
        public SecuredEndpoint using(String variable, String dataKey) {
            Map<String, String> aliases = new HashMap<>(dataFor);
            aliases.put(variable, dataKey);
            return new SecuredEndpoint(method, path, allowed, body, Map.copyOf(aliases));
        }

        Map<String, Object> variables(Map<String, Object> data) {
            Map<String, Object> variables = new HashMap<>(data);
            dataFor.forEach((variable, dataKey) -> variables.put(variable, data.get(dataKey)));
            return variables;
        }

        /** Whether the path names data of an organisation, whose owner alone may reach it. */
        boolean namesData() {
            return path.contains("{");
        }

        String signature() {
            int query = path.indexOf('?');
            return method.name() + " " + (query < 0 ? path : path.substring(0, query));
        }

        Role[] allowedArray() {
            return allowed.toArray(Role[]::new);
        }

        private static Set<Role> roles(Role... allowed) {
            return allowed.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Arrays.asList(allowed));
        }
    }
}
