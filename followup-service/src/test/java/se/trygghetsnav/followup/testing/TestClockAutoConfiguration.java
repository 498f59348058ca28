package se.trygghetsnav.followup.testing;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import se.trygghetsnav.commons.autoconfigure.ServiceCommonsAutoConfiguration;

/**
 * Gives every followup-service context of the tests the shared {@link TestClock} (registered in this module's
 * test resources, so the context cache key of the tests stays the same). service-commons backs off its own
 * clock when one exists.
 */
@AutoConfiguration(before = ServiceCommonsAutoConfiguration.class)
public class TestClockAutoConfiguration {

    @Bean
    Clock clock() {
        return TestClock.INSTANCE;
    }
}
