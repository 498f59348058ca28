package se.trygghetsnav.notification.assignment.messaging;

import java.util.function.Consumer;

import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import se.trygghetsnav.commons.events.EventDispatcher;
import se.trygghetsnav.commons.idempotency.ProcessedEventLog;
import se.trygghetsnav.notification.assignment.MeasureAddedEvent;
import se.trygghetsnav.notification.assignment.MeasureAssignmentNotices;

/**
 * The {@code planEvents} binding: {@code plan.events}, group {@code notification-service}, dead letters to
 * {@code plan.events.notification-service.dlt} (notification-service.yml).
 */
@Configuration(proxyBeanMethods = false)
class PlanEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> planEvents(JsonMapper jsonMapper, Validator validator, ProcessedEventLog processed,
            MeasureAssignmentNotices notices) {
        return EventDispatcher.builder("notification-service/plan-events", jsonMapper, validator)
                .on("se.trygghetsnav.plan.measure-added.v1", MeasureAddedEvent.class, notices::onMeasureAdded)
                .skipProcessed(processed)
                .build();
    }
}
