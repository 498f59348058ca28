package se.trygghetsnav.notification.est;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The EST mailings. The cut-off reminder's lead is reminder timing, so it is with the others: {@code
 * trygghetsnav.notification.reminders.est-cut-off-lead-working-days}, overridable per organisation.
 *
 * @param weekPictureMaxAge a week published longer ago than this is not mailed (a replay of est.events)
 */
@ConfigurationProperties("trygghetsnav.notification.est")
public record EstMailProperties(@DefaultValue("7d") Duration weekPictureMaxAge) {
}
