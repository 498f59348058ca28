package se.trygghetsnav.followup.evidence.messaging;

import java.util.function.Consumer;

import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import se.trygghetsnav.followup.evidence.MeasureEvidences;

/**
 * The {@code estEvents} binding: {@code est.events}, group {@code followup-service}, dead letters to
 * {@code est.events.followup-service.dlt} (followup-service.yml): EST decisions as evidence on plan measures.
 */
@Configuration(proxyBeanMethods = false)
class EstEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> estEvents(JsonMapper jsonMapper, Validator validator, MeasureEvidences evidences) {
        return evidences.dispatcher(jsonMapper, validator);
    }
}
