package se.trygghetsnav.commons.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Gives every service the same defaults and its own config file name before Boot loads config data.
 *
 * <p>The defaults ({@value #DEFAULTS}) go into Boot's {@code defaultProperties} source, the lowest
 * precedence: a service's own {@code <name>.yml}, environment variables and test properties all override
 * them. Runs before {@code ConfigDataEnvironmentPostProcessor} so that {@code spring.config.name} takes
 * effect.
 */
public class ServiceEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "trygghetsnav-service-defaults.yml";

    /**
     * Set for applications marked {@link TrygghetsnavService}: service-commons configures only those, not
     * other applications that share a class path with a service (e.g. the authorization server in tests).
     */
    public static final String SERVICE_NAME_PROPERTY = "trygghetsnav.service.name";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Optional<String> serviceName = serviceName(application);
        if (serviceName.isEmpty()) {
            return;
        }
        Map<String, Object> defaults = new LinkedHashMap<>(loadDefaults());
        defaults.put("spring.application.name", serviceName.get());
        defaults.put("spring.config.name", serviceName.get());
        defaults.put(SERVICE_NAME_PROPERTY, serviceName.get());
        DefaultPropertiesPropertySource.addOrMerge(defaults, environment.getPropertySources());
    }

    static Optional<String> serviceName(SpringApplication application) {
        return application.getAllSources().stream()
                .filter(Class.class::isInstance)
                .map(Class.class::cast)
                .map(source -> AnnotatedElementUtils.findMergedAnnotation(source, TrygghetsnavService.class))
                .filter(Objects::nonNull)
                .map(TrygghetsnavService::value)
                .findFirst();
    }

    private static Map<String, Object> loadDefaults() {
        try {
            Map<String, Object> values = new LinkedHashMap<>();
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(DEFAULTS, new ClassPathResource(DEFAULTS))) {
                EnumerablePropertySource<?> enumerable = (EnumerablePropertySource<?>) source;
                for (String name : enumerable.getPropertyNames()) {
                    values.putIfAbsent(name, String.valueOf(enumerable.getProperty(name)));
                }
            }
            return values;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + DEFAULTS, ex);
        }
    }
}
