package se.trygghetsnav.auth;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signs in the way a service's Swagger UI makes them: authorization code with PKCE, the code
 * exchanged from the browser on the service's origin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInIntegrationTest {

    private static final String REDIRECT = "http://localhost:8081/swagger-ui/oauth2-redirect.html";

    @TempDir
    static Path keys;

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void signingKeyInATemporaryFolder(DynamicPropertyRegistry registry) {
        registry.add("trygghetsnav.auth.signing-key-file", () -> keys.resolve("signing-key.json").toString());
    }

    @Test
    void aPersonSignsInWithPkceAndGetsATokenWithTheirOrganisationAndRoles() throws Exception {
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = "/oauth2/authorize?" + form(Map.of("response_type", "code",
                "client_id", "trygghetsnav-swagger", "redirect_uri", REDIRECT, "state", "s1",
                "code_challenge", challenge, "code_challenge_method", "S256"));

        HttpResponse<String> toLogin = get(authorize);
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(location(toLogin)).endsWith("/login");
        String loginPage = get("/login").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();

        HttpResponse<String> signedIn = post("/login", form(Map.of("username", "karl.ksk", "password", "demo",
                "_csrf", csrf.group(1))), Map.of());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> withCode = get(location(signedIn).replaceFirst("^https?://[^/]+", ""));
        assertThat(location(withCode)).startsWith(REDIRECT + "?code=");
        String code = URI.create(location(withCode)).getQuery().split("&")[0].substring("code=".length());

        HttpResponse<String> token = post("/oauth2/token", form(Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", REDIRECT, "client_id", "trygghetsnav-swagger", "code_verifier", verifier)),
                Map.of("Origin", "http://localhost:8081"));
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8081");
        String accessToken = (String) JsonMapper.builder().build().readValue(token.body(), Map.class).get("access_token");
        JWTClaimsSet claims = SignedJWT.parse(accessToken).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("karl.ksk");
        assertThat(claims.getStringClaim("org")).isEqualTo("0188");
        assertThat(claims.getStringClaim("org_unit")).isEqualTo("KSK");
        assertThat(claims.getStringListClaim("roles")).containsExactly("UNIT_USER");
        assertThat(claims.getAudience()).containsExactly("trygghetsnav");
    }

    @Test
    void aWrongPasswordDoesNotSignIn() throws Exception {
        get("/oauth2/authorize?response_type=code&client_id=trygghetsnav-swagger");
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(get("/login").body());
        assertThat(csrf.find()).isTrue();

        HttpResponse<String> refused = post("/login", form(Map.of("username", "karl.ksk", "password", "wrong",
                "_csrf", csrf.group(1))), Map.of());

        assertThat(location(refused)).endsWith("/login?error");
    }

    private HttpResponse<String> get(String path) throws Exception {
        // As a browser navigating: it asks for HTML, which is what sends it to the login page.
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(request::header);
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
