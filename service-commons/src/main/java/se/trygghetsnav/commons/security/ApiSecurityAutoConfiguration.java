package se.trygghetsnav.commons.security;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import se.trygghetsnav.commons.service.ServiceEnvironmentPostProcessor;

/**
 * Every service is an OAuth2 resource server: each request to the API needs a valid bearer JWT from the
 * configured issuer ({@code spring.security.oauth2.resourceserver.jwt.*}), naming an organisation and roles.
 * Actuator endpoints, which only the management port serves, and the API documentation need no token; the
 * management port is not published outside the deployment (docker-compose.yml).
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
@ConditionalOnProperty(ServiceEnvironmentPostProcessor.SERVICE_NAME_PROPERTY)
public class ApiSecurityAutoConfiguration {

    static {
        // The Caller comes from the token, not from the request: keep it out of the OpenAPI parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    ProblemSecurityResponses problemSecurityResponses(MessageSource messages, LocaleResolver localeResolver,
            JsonMapper jsonMapper) {
        return new ProblemSecurityResponses(messages, localeResolver, jsonMapper);
    }

    @Bean
    @Order(1)
    SecurityFilterChain managementEndpoints(HttpSecurity http) throws Exception {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ProblemSecurityResponses problems) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new CallerAuthenticationConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // A stateless bearer-token API: no session, no cookies, so no CSRF to defend against.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .build();
    }

    @Bean
    WebMvcConfigurer callerParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    /**
     * Documents the bearer token in the OpenAPI description, for every operation, and lets people sign in
     * from the Swagger UI (authorization code with PKCE at the authorization server).
     */
    @Bean
    OpenApiCustomizer bearerTokenInOpenApi(
            @Value("${trygghetsnav.api.authorization-server-url:http://localhost:9000}") String authorizationServer) {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSecuritySchemes("bearer", new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                    .description("An access token from the Trygghetsnav authorization server, naming the caller's "
                            + "organisation (claim org) and roles (claim roles)."));
            openApi.getComponents().addSecuritySchemes("signIn", new SecurityScheme()
                    .type(SecurityScheme.Type.OAUTH2)
                    .description("Sign in as a person (the local run's demo people are listed in README).")
                    .flows(new OAuthFlows().authorizationCode(new OAuthFlow()
                            .authorizationUrl(authorizationServer + "/oauth2/authorize")
                            .tokenUrl(authorizationServer + "/oauth2/token")
                            .scopes(new Scopes()))));
            openApi.addSecurityItem(new SecurityRequirement().addList("bearer"));
            openApi.addSecurityItem(new SecurityRequirement().addList("signIn"));
        };
    }
}
