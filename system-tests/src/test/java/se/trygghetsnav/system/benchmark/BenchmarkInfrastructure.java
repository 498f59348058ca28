package se.trygghetsnav.system.benchmark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;

import se.trygghetsnav.testkit.TestInfrastructure;
import se.trygghetsnav.testkit.TestTokens;

/**
 * Where a benchmark's service runs: the local run's MongoDB and Kafka when {@code ./run.sh} is up (and
 * {@code -Dembedded} is not set), else the embedded test servers (the same server software), with the settings a
 * service started in the benchmark's JVM needs for either.
 */
final class BenchmarkInfrastructure {

    private BenchmarkInfrastructure() {
    }

    /** A benchmark's body, which may throw anything. */
    @FunctionalInterface
    interface Benchmark {
        void run() throws Exception;
    }

    /**
     * Runs the benchmark and ends the JVM with its outcome: exec:java would otherwise wait for the broker's and
     * the servers' non-daemon threads, and never show a failure.
     */
    static void runAndExit(Benchmark benchmark) {
        try {
            benchmark.run();
        }
        catch (Throwable failed) {
            failed.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    /** The service's Spring properties, its data in {@code database}. */
    static Map<String, Object> properties(String database) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (reachable(27017) && reachable(9092) && !Boolean.getBoolean("embedded")) {
            System.out.println("Using the local run's MongoDB and Kafka (./run.sh); data goes to database " + database);
            properties.put("spring.kafka.bootstrap-servers", "127.0.0.1:9092");
            properties.put("spring.cloud.stream.kafka.binder.brokers", "127.0.0.1:9092");
            properties.put("spring.mongodb.uri", "mongodb://127.0.0.1:27017");
            properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.ISSUER);
            properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwkSetUri());
            properties.put("spring.security.oauth2.resourceserver.jwt.audiences", TestTokens.AUDIENCE);
            properties.put("server.port", 0);
            properties.put("management.server.port", 0);
        }
        else {
            System.out.println("The local run is not up: using the embedded test servers (same server software)");
            properties.putAll(TestInfrastructure.get().springProperties());
        }
        properties.put("spring.mongodb.database", database);
        properties.put("logging.level.root", "WARN");
        return properties;
    }

    /** The properties as command-line arguments of a SpringApplicationBuilder. */
    static String[] arguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static boolean reachable(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        }
        catch (IOException unreachable) {
            return false;
        }
    }
}
