package se.trygghetsnav.followup.planprojection.messaging;

import java.util.function.Consumer;

import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import se.trygghetsnav.followup.planprojection.PlanProjection;

/**
 * The {@code planEvents} binding: {@code plan.events}, group {@code followup-service}, dead letters to
 * {@code plan.events.followup-service.dlt} (followup-service.yml).
 */
@Configuration(proxyBeanMethods = false)
class PlanEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> planEvents(JsonMapper jsonMapper, Validator validator, PlanProjection projection) {
        return projection.dispatcher(jsonMapper, validator);
    }
}
