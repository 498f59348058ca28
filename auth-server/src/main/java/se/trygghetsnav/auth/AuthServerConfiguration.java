package se.trygghetsnav.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

@Configuration(proxyBeanMethods = false)
class AuthServerConfiguration {

    /** The public client of the services' Swagger UIs: authorization code with PKCE, for people. */
    static final String SWAGGER_CLIENT = "trygghetsnav-swagger";

    private static final Logger log = LoggerFactory.getLogger(AuthServerConfiguration.class);

    @Bean
    RegisteredClientRepository registeredClients(DemoDirectory directory) {
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(directory.accessTokenTimeToLive()).build();
        List<RegisteredClient> clients = new ArrayList<>();
        directory.clients().forEach((clientId, identity) -> clients.add(RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientName(identity.name() == null ? clientId : identity.name())
                .clientSecret("{noop}" + identity.secret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(tokens)
                .build()));
        RegisteredClient.Builder swagger = RegisteredClient.withId(SWAGGER_CLIENT)
                .clientId(SWAGGER_CLIENT)
                .clientName("Trygghetsnav API documentation")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokens);
        directory.swaggerRedirectUris().forEach(swagger::redirectUri);
        clients.add(swagger.build());
        return new InMemoryRegisteredClientRepository(clients);
    }

    /**
     * The Swagger UIs exchange their authorization code from the browser, on the services' own origins, so the
     * token endpoint answers cross-origin requests from them.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(DemoDirectory directory) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(directory.swaggerRedirectUris().stream()
                .map(uri -> URI.create(uri).resolve("/").toString().replaceAll("/$", ""))
                .distinct().toList());
        cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of("*"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/oauth2/token", cors);
        source.registerCorsConfiguration("/oauth2/jwks", cors);
        return source;
    }

    @Bean
    UserDetailsService demoUsers(DemoDirectory directory) {
        List<UserDetails> users = new ArrayList<>();
        directory.users().forEach((username, identity) -> users.add(User.withUsername(username)
                .password("{noop}" + identity.secret())
                .roles(identity.roles().toArray(String[]::new))
                .build()));
        return new InMemoryUserDetailsManager(users);
    }

    /**
     * Puts the caller's organisation, unit and roles into every access token, and the audience the services
     * expect: from the client's entry for client credentials, from the person's entry otherwise.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> organisationClaims(DemoDirectory directory) {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            boolean machine = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType());
            String name = machine ? context.getRegisteredClient().getClientId() : context.getPrincipal().getName();
            DemoDirectory.Identity identity = (machine ? directory.client(name) : directory.user(name))
                    .orElseThrow(() -> new IllegalStateException("No demo identity " + name));
            context.getClaims()
                    .audience(List.of(directory.audience()))
                    .claim("org", identity.organisation())
                    .claim("org_name", directory.organisationName(identity.organisation()))
                    .claim("roles", identity.roles());
            if (identity.orgUnit() != null) {
                context.getClaims().claim("org_unit", identity.orgUnit());
            }
        };
    }

    /**
     * The signing key, kept in a file so tokens stay valid across restarts of the local run. Created on first
     * start; never committed.
     */
    @Bean
    JWKSource<SecurityContext> signingKey(DemoDirectory directory) {
        return new ImmutableJWKSet<>(new JWKSet(loadOrCreate(directory.signingKeyFile())));
    }

    static RSAKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file));
            }
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE).generate();
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Files.writeString(file, key.toJSONString());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            catch (UnsupportedOperationException notPosix) {
                // The file stays readable by the owner's group on such file systems; fine for a demo key.
            }
            log.info("Created a new signing key in {}", file.toAbsolutePath());
            return key;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read or write the signing key " + file, ex);
        }
        catch (ParseException | JOSEException ex) {
            throw new IllegalStateException("The signing key in " + file + " is not a valid RSA JWK", ex);
        }
    }
}
