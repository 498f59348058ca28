package se.trygghetsnav.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.testcontainers.DockerClientFactory;

/**
 * Where the test infrastructure runs: in Docker containers (real MongoDB as a single-node replica set, the
 * official Kafka image) or embedded in the test JVM (KRaft broker from spring-kafka-test,
 * mongo-java-server in memory). GreenMail runs in the JVM in both modes.
 */
public enum InfrastructureMode {

    CONTAINERS, EMBEDDED;

    /** System property that forces a mode: {@code containers}, {@code embedded} or {@code auto}. */
    public static final String PROPERTY = "trygghetsnav.test.infrastructure";

    /** Environment variable that forces a mode when the system property is not set. */
    public static final String ENVIRONMENT = "TRYGGHETSNAV_TEST_INFRASTRUCTURE";

    static InfrastructureMode select() {
        String forced = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        String choice = forced == null ? "auto" : forced.trim().toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "containers", "docker", "testcontainers" -> CONTAINERS;
            case "embedded", "jvm" -> EMBEDDED;
            case "auto", "" -> dockerReachable() ? CONTAINERS : EMBEDDED;
            default -> throw new IllegalArgumentException(
                    PROPERTY + "/" + ENVIRONMENT + " must be containers, embedded or auto, not " + forced);
        };
    }

    /**
     * Asks Testcontainers only when there is a hint of Docker: without one, {@code DockerClientFactory}
     * logs errors and spends seconds probing (architecture.md).
     */
    private static boolean dockerReachable() {
        boolean hint = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
        if (!hint) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException | LinkageError ex) {
            return false;
        }
    }
}
