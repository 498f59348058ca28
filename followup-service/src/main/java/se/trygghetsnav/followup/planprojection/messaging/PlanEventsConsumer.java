package se.trygghetsnav.followup.planprojection.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;

import se.trygghetsnav.commons.events.EventDispatcher;
import se.trygghetsnav.commons.events.MalformedEventException;
import se.trygghetsnav.followup.planprojection.PlanProjection;

/**
 * The {@code planEvents} binding: {@code plan.events}, group {@code followup-service}, consumed a poll at a
 * time (batch mode), dead letters to {@code plan.events.followup-service.dlt} (followup-service.yml,
 * {@link BatchBindingDeadLetters}).
 *
 * <p>A batch is read first; a malformed record ends it there. The events before it are applied; then the
 * container is told which record failed ({@link BatchListenerFailedException}): the ones before it are committed,
 * it is retried with the rest (a malformed one is not retried) and, when its retries run out, goes alone to the
 * dead-letter topic while the rest go on.
 */
@Configuration(proxyBeanMethods = false)
class PlanEventsConsumer {

    @Bean
    Consumer<Message<List<byte[]>>> planEvents(JsonMapper jsonMapper, Validator validator, PlanProjection projection) {
        EventDispatcher dispatcher = projection.dispatcher(jsonMapper, validator);
        return batch -> {
            List<EventDispatcher.Prepared> prepared = new ArrayList<>();
            MalformedEventException malformed = null;
            for (Message<byte[]> record : KafkaBatches.records(batch)) {
                try {
                    prepared.add(dispatcher.prepare(record));
                }
                catch (MalformedEventException ex) {
                    malformed = ex;
                    break;
                }
            }
            apply(projection, prepared);
            if (malformed != null) {
                throw new BatchListenerFailedException(malformed.getMessage(), malformed, prepared.size());
            }
        };
    }

    /** Applies the events; if one fails, stores those before it, so that only it and those after are redelivered. */
    private static void apply(PlanProjection projection, List<EventDispatcher.Prepared> events) {
        try {
            projection.applyInOrder(events);
        }
        catch (PlanProjection.EventNotApplied failed) {
            try {
                projection.applyInOrder(events.subList(0, failed.index()));
            }
            catch (PlanProjection.EventNotApplied again) {
                throw new BatchListenerFailedException(again.getMessage(), again.getCause(), again.index());
            }
            throw new BatchListenerFailedException(failed.getMessage(), failed.getCause(), failed.index());
        }
    }
}
