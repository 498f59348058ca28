package se.trygghetsnav.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.trygghetsnav.testkit.TestInfrastructure;

/**
 * Starts services as they run in production, each its own Spring application with its own config file,
 * side by side in the test JVM and pointed at the test infrastructure (random ports everywhere).
 */
final class RunningServices implements AutoCloseable {

    private final List<ConfigurableApplicationContext> started = new ArrayList<>();

    ConfigurableApplicationContext start(Class<?> application) {
        return start(application, Map.of());
    }

    /** Starts a service with {@code overrides} on top of the test infrastructure's properties. */
    ConfigurableApplicationContext start(Class<?> application, Map<String, Object> overrides) {
        Map<String, Object> properties = new LinkedHashMap<>(TestInfrastructure.get().springProperties());
        properties.putAll(overrides);
        return startStandalone(application, properties);
    }

    /** Starts an application with these properties only, not pointed at the test infrastructure. */
    ConfigurableApplicationContext startStandalone(Class<?> application, Map<String, Object> properties) {
        List<String> arguments = new ArrayList<>();
        // Command-line arguments outrank the service's own <service>.yml, as the infrastructure must.
        properties.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .run(arguments.toArray(String[]::new));
        started.add(context);
        return context;
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @Override
    public void close() {
        started.reversed().forEach(ConfigurableApplicationContext::close);
    }
}
