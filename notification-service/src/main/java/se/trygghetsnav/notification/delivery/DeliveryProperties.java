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
 * @param claimTimeout after this long a mail claimed by an instance that never finished is sent again
 */
@ConfigurationProperties("trygghetsnav.notification.delivery")
public record DeliveryProperties(
        @DefaultValue("Trygghetsnav <no-reply@trygghetsnav.se>") String from,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("10s") Duration retryInitial,
        @DefaultValue("10m") Duration retryMax,
        @DefaultValue("5m") Duration claimTimeout) {
}
