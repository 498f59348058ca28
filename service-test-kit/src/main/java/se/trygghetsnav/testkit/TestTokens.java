package se.trygghetsnav.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import se.trygghetsnav.commons.security.Caller;
import se.trygghetsnav.commons.security.Role;

/**
 * Mints access tokens for tests, for any organisation, unit and roles. The signing key is generated when
 * the test JVM first needs it and its public half is served as a JWK set over HTTP, so the services fetch
 * and check keys exactly as they do against the real authorization server.
 */
public final class TestTokens {

    public static final String ISSUER = "https://auth.test.trygghetsnav.invalid";
    public static final String AUDIENCE = "trygghetsnav";

    private static volatile TestTokens instance;

    private final RSAKey signingKey;
    private final RSAKey foreignKey;
    private final String jwkSetUri;

    private TestTokens(RSAKey signingKey, RSAKey foreignKey, String jwkSetUri) {
        this.signingKey = signingKey;
        this.foreignKey = foreignKey;
        this.jwkSetUri = jwkSetUri;
    }

    static TestTokens get() {
        TestTokens current = instance;
        if (current == null) {
            synchronized (TestTokens.class) {
                if (instance == null) {
                    instance = start();
                }
                current = instance;
            }
        }
        return current;
    }

    private static TestTokens start() {
        try {
            RSAKey signing = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE).generate();
            RSAKey foreign = new RSAKeyGenerator(2048).keyID(signing.getKeyID()).keyUse(KeyUse.SIGNATURE).generate();
            byte[] jwks = new JWKSet(signing.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-jwks-stop"));
            return new TestTokens(signing, foreign,
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/jwks");
        }
        catch (JOSEException | IOException ex) {
            throw new IllegalStateException("Cannot start the test token issuer", ex);
        }
    }

    /** Where the services fetch the test keys. */
    public static String jwkSetUri() {
        return get().jwkSetUri;
    }

    /** A token for {@code organisationId} with {@code roles}; build it further or {@link Builder#mint()} it. */
    public static Builder forOrganisation(String organisationId, Role... roles) {
        return new Builder(organisationId, List.of(roles));
    }

    /** The {@code Authorization} header value for a fresh token of {@code organisationId} with {@code roles}. */
    public static String bearer(String organisationId, Role... roles) {
        return "Bearer " + forOrganisation(organisationId, roles).mint();
    }

    /** Builds one token. */
    public static final class Builder {

        private final String organisationId;
        private final List<Role> roles;
        private String subject = "test-user-" + UUID.randomUUID();
        private String orgUnit;
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(15));
        private boolean foreignSignature;

        private Builder(String organisationId, List<Role> roles) {
            this.organisationId = organisationId;
            this.roles = roles;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder orgUnit(String orgUnit) {
            this.orgUnit = orgUnit;
            return this;
        }

        /** A token that expired a while ago (beyond the services' allowed clock skew). */
        public Builder expired() {
            this.expiresAt = Instant.now().minus(Duration.ofMinutes(10));
            return this;
        }

        /** A token signed by a key the services do not trust, under the trusted key's id. */
        public Builder signedWithForeignKey() {
            this.foreignSignature = true;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        public String mint() {
            TestTokens tokens = get();
            RSAKey key = foreignSignature ? tokens.foreignKey : tokens.signingKey;
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject(subject)
                    .audience(audience)
                    .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(15))))
                    .expirationTime(Date.from(expiresAt))
                    .jwtID(UUID.randomUUID().toString())
                    .claim(Caller.ORGANISATION_CLAIM, organisationId)
                    .claim(Caller.ROLES_CLAIM, roles.stream().map(Role::name).toList());
            if (orgUnit != null) {
                claims.claim(Caller.ORG_UNIT_CLAIM, orgUnit);
            }
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims.build());
            try {
                token.sign(new RSASSASigner(key));
            }
            catch (JOSEException ex) {
                throw new IllegalStateException(ex);
            }
            return token.serialize();
        }

        /** The {@code Authorization} header value of the token. */
        public String bearer() {
            return "Bearer " + mint();
        }
    }

    /** All roles but those given: for "a wrong role answers 403". */
    public static Role[] rolesExcept(Collection<Role> allowed) {
        return Arrays.stream(Role.values()).filter(role -> !allowed.contains(role)).toArray(Role[]::new);
    }
}
