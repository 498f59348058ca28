package se.trygghetsnav.est.measurelink.messaging;

import java.util.function.Consumer;

import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import se.trygghetsnav.est.measurelink.LinkableMeasures;

/**
 * The {@code planEvents} binding: {@code plan.events}, group {@code est-lagesbild-service}, dead letters to
 * {@code plan.events.est-lagesbild-service.dlt} (est-lagesbild-service.yml).
 */
@Configuration(proxyBeanMethods = false)
class PlanEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> planEvents(JsonMapper jsonMapper, Validator validator, LinkableMeasures measures) {
        return measures.dispatcher(jsonMapper, validator);
    }
}
