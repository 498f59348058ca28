package se.trygghetsnav.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The authorization server of the local run and of docker-compose: issues the access tokens the services
 * accept, for the demo organisations, clients and users in {@code application.yml}. Production uses the
 * organisations' own identity provider, configured in the services by issuer and key set.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuthServerApplication.class, args);
    }
}
