package se.trygghetsnav.auth;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo identities of the local run: organisations, machine clients (for curl, client credentials) and
 * people (for the browser, authorization code with PKCE). The secrets are documented demo values and this
 * server runs only locally and in docker-compose.
 *
 * @param audience the audience every access token is issued for
 * @param signingKeyFile where the signing key is kept between restarts (created on first start)
 * @param organisations organisation id (e.g. the municipality code {@code 0188}) to its name
 */
@ConfigurationProperties("trygghetsnav.auth")
public record DemoDirectory(
        @DefaultValue("trygghetsnav") String audience,
        @DefaultValue("target/auth-server/signing-key.json") Path signingKeyFile,
        Map<String, String> organisations,
        Map<String, Identity> clients,
        Map<String, Identity> users,
        @DefaultValue("PT1H") java.time.Duration accessTokenTimeToLive,
        List<String> swaggerRedirectUris) {

    /**
     * A client or a person.
     *
     * @param secret the client secret or the password (demo values)
     * @param organisation the organisation id
     * @param orgUnit the organisational unit, for unit users
     * @param roles COORDINATOR, UNIT_USER, EST_MEMBER, EST_COORDINATOR, READER
     */
    public record Identity(String secret, String organisation, @Nullable String orgUnit, List<String> roles,
            @Nullable String name) {
    }

    Optional<Identity> client(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    Optional<Identity> user(String username) {
        return Optional.ofNullable(users.get(username));
    }

    String organisationName(String organisationId) {
        return organisations.getOrDefault(organisationId, organisationId);
    }
}
