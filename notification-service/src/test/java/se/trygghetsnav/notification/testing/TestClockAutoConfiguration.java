package se.trygghetsnav.notification.testing;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import se.trygghetsnav.commons.autoconfigure.ServiceCommonsAutoConfiguration;

/**
 * Gives every notification-service context of the tests the shared {@link TestClock} (registered in this module's
 * test resources, so every test shares one cached context). service-commons backs off its own clock when one exists.
 */
@AutoConfiguration(before = ServiceCommonsAutoConfiguration.class)
public class TestClockAutoConfiguration {

    @Bean
    Clock clock() {
        return TestClock.INSTANCE;
    }
}
