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
 * @param batchSize how many aggregates with pending events one pass reads
 * @param sweepInterval how often the relay searches the aggregate collections themselves for pending events, which
 *        finds those whose writer died between storing them and marking the aggregate in the relay's work list
 * @param sendTimeout how long the relay waits for the broker to acknowledge a batch
 * @param maxBackoff the longest pause after failed passes (the pause doubles from the poll interval)
 * @param source the CloudEvents {@code source} of this service's events
 */
@ConfigurationProperties("trygghetsnav.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("1000") int batchSize,
        @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("30s") Duration maxBackoff,
        URI source) {
}
