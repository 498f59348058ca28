package se.trygghetsnav.testkit;

import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** Applies {@link UseTestInfrastructure}; registered in {@code META-INF/spring.factories}. */
public class TestInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        if (!TestContextAnnotationUtils.hasAnnotation(testClass, UseTestInfrastructure.class)) {
            return null;
        }
        return new InfrastructureProperties();
    }

    /** Equal to every other instance, so all tests of a JVM can share cached contexts. */
    private static final class InfrastructureProperties implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            MapPropertySource infrastructure = new MapPropertySource("trygghetsnavTestInfrastructure",
                    TestInfrastructure.get().springProperties());
            // Above environment variables and system properties, below a test's own properties, so a test can
            // still point one setting elsewhere (e.g. an SMTP port where no server listens).
            if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
                sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, infrastructure);
            }
            else {
                sources.addFirst(infrastructure);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof InfrastructureProperties;
        }

        @Override
        public int hashCode() {
            return InfrastructureProperties.class.hashCode();
        }
    }
}
