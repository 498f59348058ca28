package se.trygghetsnav.notification.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How mails go out.
 *
 * @param from the sender of every mail
 * @param pollInterval how often the dispatcher looks for due mails when nothing wakes it
 * @param retryInitial the wait after the first failed attempt; it doubles per attempt
 * @param retryMax the longest wait between attempts; a mail is retried until the server takes it
 * @param claimTimeout after this long a mail (or a queue bucket) claimed by an instance that never finished is sent
 *        again
 * @param batchSize mails claimed with one round trip and marked sent with another
 * @param smtpConnections SMTP connections a dispatcher sends a batch over at once; the SMTP server, not MongoDB, is
 *        what limits a burst, and one connection leaves it waiting on each round trip
 */
@ConfigurationProperties("trygghetsnav.notification.delivery")
public record DeliveryProperties(
        @DefaultValue("Trygghetsnav <no-reply@trygghetsnav.se>") String from,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("10s") Duration retryInitial,
        @DefaultValue("10m") Duration retryMax,
        @DefaultValue("5m") Duration claimTimeout,
        @DefaultValue("200") int batchSize,
        @DefaultValue("4") int smtpConnections) {
}
