package se.trygghetsnav.notification.messaging;

import java.util.function.Consumer;

import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import se.trygghetsnav.commons.events.EventDispatcher;
import se.trygghetsnav.commons.idempotency.ProcessedEventLog;
import se.trygghetsnav.notification.reminder.FollowupEvents;
import se.trygghetsnav.notification.reminder.ReminderPlanner;

/**
 * The {@code followupEvents} binding: {@code followup.events}, group {@code notification-service}, dead letters to
 * {@code followup.events.notification-service.dlt}: round reminders, escalations and what stops them.
 */
@Configuration(proxyBeanMethods = false)
class FollowupEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> followupEvents(JsonMapper jsonMapper, Validator validator, ProcessedEventLog processed,
            ReminderPlanner reminders) {
        return EventDispatcher.builder("notification-service/followup-events", jsonMapper, validator)
                .on("se.trygghetsnav.followup.round-opened.v1", FollowupEvents.RoundOpened.class, reminders::onRoundOpened)
                .on("se.trygghetsnav.followup.measure-report-submitted.v1", FollowupEvents.MeasureReported.class,
                        reminders::onReport)
                .on("se.trygghetsnav.followup.measure-report-corrected.v1", FollowupEvents.MeasureReported.class,
                        reminders::onReport)
                .on("se.trygghetsnav.followup.measure-overdue.v1", FollowupEvents.MeasureOverdue.class, reminders::onOverdue)
                .on("se.trygghetsnav.followup.measure-overdue-cleared.v1", FollowupEvents.MeasureOverdueCleared.class,
                        reminders::onOverdueCleared)
                .on("se.trygghetsnav.followup.report-missing.v1", FollowupEvents.ReportMissing.class,
                        reminders::onReportMissing)
                .skipProcessed(processed)
                .build();
    }
}
