package se.trygghetsnav.commons.outbox;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox relay runs.
 *
 * @param relayEnabled whether this instance relays at all
 * @param pollInterval how often the relay looks for pending events without a signal
 * @param batchSize how many aggregates one pass reads per collection
 * @param sendTimeout how long the relay waits for the broker to acknowledge a batch
 * @param maxBackoff the longest pause after failed passes (the pause doubles from the poll interval)
 * @param source the CloudEvents {@code source} of this service's events
 */
@ConfigurationProperties("trygghetsnav.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("30s") Duration maxBackoff,
        URI source) {
}
