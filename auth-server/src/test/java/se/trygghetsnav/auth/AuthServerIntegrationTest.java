package se.trygghetsnav.auth;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthServerIntegrationTest {

    @TempDir
    static Path keys;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void signingKeyInATemporaryFolder(DynamicPropertyRegistry registry) {
        registry.add("trygghetsnav.auth.signing-key-file", () -> keys.resolve("signing-key.json").toString());
    }

    @Test
    void aDemoClientGetsATokenNamingItsOrganisationRolesAndTheAudience() throws Exception {
        String token = token("norrtalje-samordnare", "demo-norrtalje-samordnare");

        SignedJWT jwt = SignedJWT.parse(token);
        RSAKey key = (RSAKey) JWKSet.load(URI.create(baseUrl() + "/oauth2/jwks").toURL()).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).as("signed with the published key").isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("http://localhost:9000");
        assertThat(claims.getAudience()).containsExactly("trygghetsnav");
        assertThat(claims.getSubject()).isEqualTo("norrtalje-samordnare");
        assertThat(claims.getStringClaim("org")).isEqualTo("0188");
        assertThat(claims.getStringClaim("org_name")).isEqualTo("Norrtälje kommun");
        assertThat(claims.getStringListClaim("roles")).containsExactly("COORDINATOR", "READER");
        assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
    }

    @Test
    void aUnitUsersTokenNamesItsUnit() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(token("norrtalje-ksk", "demo-norrtalje-ksk")).getJWTClaimsSet();

        assertThat(claims.getStringClaim("org_unit")).isEqualTo("KSK");
        assertThat(claims.getStringListClaim("roles")).containsExactly("UNIT_USER");
    }

    @Test
    void aWrongSecretGetsNoToken() {
        client().post().uri("/oauth2/token").headers(headers -> headers.setBasicAuth("norrtalje-samordnare", "guess"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form())
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theSigningKeySurvivesARestart() {
        Path file = keys.resolve("restart/signing-key.json");

        assertThat(AuthServerConfiguration.loadOrCreate(file).getKeyID())
                .isEqualTo(AuthServerConfiguration.loadOrCreate(file).getKeyID());
    }

    private String token(String clientId, String secret) {
        Map<?, ?> response = client().post().uri("/oauth2/token").headers(headers -> headers.setBasicAuth(clientId, secret))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form())
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(response.get("token_type")).isEqualTo("Bearer");
        return (String) response.get("access_token");
    }

    private static LinkedMultiValueMap<String, String> form() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.put("grant_type", List.of("client_credentials"));
        return form;
    }

    private RestTestClient client() {
        return RestTestClient.bindToServer().baseUrl(baseUrl()).build();
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
