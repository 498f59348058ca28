package se.trygghetsnav.system;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import se.trygghetsnav.testkit.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs on the project's machines, so docker-compose.yml cannot be started here. This test
 * checks it against the code instead: every service, port and environment variable it names must exist.
 */
class DockerComposeConsistencyTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> SERVICES =
            List.of("plan-service", "followup-service", "notification-service", "est-lagesbild-service");
    private static final String AUTH_SERVER = "auth-server";
    /** Variables read by the JVM or the image, not by Spring. */
    private static final Set<String> NON_SPRING_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    private static Map<String, Object> compose;
    private static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readCompose() throws IOException {
        compose = load(ROOT.resolve("docker-compose.yml"));
        services = (Map<String, Object>) compose.get("services");
    }

    @Test
    void everyBuiltServiceIsAModuleWithItsOwnConfiguration() {
        List<String> built = new ArrayList<>();
        services.forEach((name, definition) -> {
            Map<String, Object> build = map(map(definition).get("build"));
            if (build != null) {
                String module = (String) map(build.get("args")).get("SERVICE");
                assertThat(module).as("compose service %s builds the module of the same name", name).isEqualTo(name);
                assertThat(ROOT.resolve(module).resolve("pom.xml")).exists();
                assertThat(configFile(module)).exists();
                built.add(module);
            }
        });
        List<String> expected = new ArrayList<>(SERVICES);
        expected.add(AUTH_SERVER);
        assertThat(built).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ROOT.resolve("Dockerfile")).content().contains("ARG SERVICE");
    }

    @Test
    void eachServicePublishesItsApiPortAndKeepsItsManagementPortInternal() throws IOException {
        for (String service : SERVICES) {
            Map<String, Object> config = flatten(load(configFile(service)));
            String apiPort = String.valueOf(config.get("server.port"));
            String managementPort = String.valueOf(config.get("management.server.port"));
            List<String> published = ports(service);

            assertThat(published).as(service + " publishes its API port").containsExactly(apiPort + ":" + apiPort);
            assertThat(published).as(service + " keeps health and metrics unpublished")
                    .noneMatch(port -> port.endsWith(":" + managementPort));
            assertThat(String.valueOf(environment(service).get("MANAGEMENT_SERVER_PORT")))
                    .as(service + " health check probes its management port").isEqualTo(managementPort);
        }
    }

    @Test
    void everyEnvironmentVariableOfAServiceIsASettingItReads() throws IOException {
        Set<String> shared = relaxed(flatten(load(ROOT.resolve(
                "service-commons/src/main/resources/trygghetsnav-service-defaults.yml"))).keySet());
        for (String service : SERVICES) {
            Set<String> known = new HashSet<>(shared);
            known.addAll(relaxed(flatten(load(configFile(service))).keySet()));
            for (String variable : environment(service).keySet()) {
                if (!NON_SPRING_VARIABLES.contains(variable)) {
                    assertThat(known).as("%s's %s names a property its configuration declares", service, variable)
                            .contains(relaxed(variable));
                }
            }
        }
    }

    @Test
    void theAuthorizationServerPublishesItsPortReadsItsSettingsAndIsTheIssuerTheServicesCheck() throws IOException {
        Map<String, Object> config = flatten(load(configFile(AUTH_SERVER)));
        String port = String.valueOf(config.get("server.port"));
        assertThat(ports(AUTH_SERVER)).containsExactly(port + ":" + port);
        Set<String> known = relaxed(config.keySet());
        for (String variable : environment(AUTH_SERVER).keySet()) {
            assertThat(known).as("auth-server's %s names a property its configuration declares", variable)
                    .contains(relaxed(variable));
        }
        Object issuer = environment(AUTH_SERVER).get("SPRING_SECURITY_OAUTH2_AUTHORIZATIONSERVER_ISSUER");
        Map<String, Object> defaults = flatten(load(ROOT.resolve(
                "service-commons/src/main/resources/trygghetsnav-service-defaults.yml")));
        assertThat(defaults.get("spring.security.oauth2.resourceserver.jwt.issuer-uri")).isEqualTo(issuer);
        for (String service : SERVICES) {
            assertThat(String.valueOf(environment(service).get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI")))
                    .as(service + " fetches the keys from the authorization server in the network")
                    .isEqualTo("http://" + AUTH_SERVER + ":" + port + "/oauth2/jwks");
        }
    }

    @Test
    void everyDependencyWaitedForHasAHealthCheck() {
        services.forEach((name, definition) -> {
            Object dependsOn = map(definition).get("depends_on");
            if (dependsOn instanceof Map<?, ?> conditions) {
                conditions.forEach((dependency, condition) -> {
                    assertThat(services).as(name + " depends on a service of this file").containsKey((String) dependency);
                    if ("service_healthy".equals(map(condition).get("condition"))) {
                        assertThat(map(services.get(dependency))).as(dependency + " has a health check").containsKey("healthcheck");
                    }
                });
            }
        });
    }

    @Test
    void infrastructureImagesMatchTheTestcontainersMode() {
        assertThat(map(services.get("kafka")).get("image")).isEqualTo(TestInfrastructure.KAFKA_IMAGE);
        assertThat(map(services.get("mongodb")).get("image")).isEqualTo(TestInfrastructure.MONGO_IMAGE);
        assertThat(String.valueOf(map(services.get("mongodb")).get("command"))).contains("--replSet");
    }

    @Test
    void prometheusScrapesEveryServicesManagementPort() throws IOException {
        Map<String, Object> prometheus = load(ROOT.resolve("deploy/prometheus/prometheus.yml"));
        Map<String, Object> job = map(((List<?>) prometheus.get("scrape_configs")).getFirst());
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        List<String> targets = ((List<?>) map(((List<?>) job.get("static_configs")).getFirst()).get("targets")).stream()
                .map(String::valueOf).toList();
        List<String> expected = new ArrayList<>();
        for (String service : SERVICES) {
            expected.add(service + ":" + flatten(load(configFile(service))).get("management.server.port"));
        }
        assertThat(targets).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theDashboardShowsOnlyMetricsTheCodeRecords() throws IOException {
        String dashboard = Files.readString(ROOT.resolve("deploy/grafana/dashboards/trygghetsnav.json"));
        Set<String> recorded = meterNamesInSources();
        Matcher metric = Pattern.compile("trygghetsnav_[a-z_]+").matcher(dashboard);
        int checked = 0;
        while (metric.find()) {
            String name = metric.group().replaceAll("_total$", "");
            assertThat(recorded).as("dashboard metric " + metric.group()).contains(name);
            checked++;
        }
        assertThat(checked).isPositive();
    }

    private static Set<String> meterNamesInSources() throws IOException {
        Set<String> names = new HashSet<>();
        Pattern meterName = Pattern.compile("\"(trygghetsnav\\.[a-z.]+)\"");
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("src/main")).toList()) {
                Matcher matcher = meterName.matcher(Files.readString(file));
                while (matcher.find()) {
                    names.add(matcher.group(1).replace('.', '_'));
                }
            }
        }
        return names;
    }

    private static Path configFile(String service) {
        // The authorization server is no Trygghetsnav service and reads a plain application.yml.
        String file = service.equals(AUTH_SERVER) ? "application.yml" : service + ".yml";
        return ROOT.resolve(service).resolve("src/main/resources").resolve(file);
    }

    private static List<String> ports(String service) {
        Object ports = map(services.get(service)).get("ports");
        return ports == null ? List.of() : ((List<?>) ports).stream().map(String::valueOf).toList();
    }

    private static Map<String, Object> environment(String service) {
        Map<String, Object> environment = map(map(services.get(service)).get("environment"));
        return environment == null ? Map.of() : environment;
    }

    /** Spring's relaxed binding: SPRING_MAIL_HOST, spring.mail.host and spring.mail-host are one setting. */
    private static String relaxed(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.\\[\\]]", "");
    }

    private static Set<String> relaxed(Set<String> names) {
        Set<String> result = new HashSet<>();
        names.forEach(name -> result.add(relaxed(name)));
        return result;
    }

    private static Map<String, Object> flatten(Map<String, Object> tree) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", tree, flat);
        return flat;
    }

    private static void flatten(String prefix, Map<?, ?> tree, Map<String, Object> flat) {
        tree.forEach((key, value) -> {
            String name = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name, nested, flat);
            }
            else {
                flat.put(name, value);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }
}
