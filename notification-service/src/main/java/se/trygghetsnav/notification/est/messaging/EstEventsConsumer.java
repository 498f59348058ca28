package se.trygghetsnav.notification.est.messaging;

import java.util.function.Consumer;

import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import se.trygghetsnav.commons.events.EventDispatcher;
import se.trygghetsnav.commons.idempotency.ProcessedEventLog;
import se.trygghetsnav.notification.est.CutOffReminders;
import se.trygghetsnav.notification.est.EstEvents;
import se.trygghetsnav.notification.est.EstGroups;
import se.trygghetsnav.notification.est.WeekPictureMails;

/**
 * The {@code estEvents} binding: {@code est.events}, group {@code notification-service}, dead letters to
 * {@code est.events.notification-service.dlt} (notification-service.yml). Group events update the EST projection,
 * then the group's cut-off reminder; entries-posted records who posted; week-published mails the week's picture.
 * Other est events are ignored.
 */
@Configuration(proxyBeanMethods = false)
public class EstEventsConsumer {

    static final String GROUP_REGISTERED = "se.trygghetsnav.est.group-registered.v1";
    static final String GROUP_CHANGED = "se.trygghetsnav.est.group-changed.v1";

    @Bean
    Consumer<Message<byte[]>> estEvents(JsonMapper jsonMapper, Validator validator, ProcessedEventLog processed,
            EstGroups groups, CutOffReminders reminders, WeekPictureMails pictures) {
        return dispatcher(jsonMapper, validator, groups, reminders, pictures).skipProcessed(processed).build();
    }

    /** The routes, without the processed-event log (also what the contract test compares with the AsyncAPI). */
    public static EventDispatcher.Builder dispatcher(JsonMapper jsonMapper, Validator validator, EstGroups groups,
            CutOffReminders reminders, WeekPictureMails pictures) {
        EventDispatcher.Builder builder = EventDispatcher.builder("notification-service/est-events", jsonMapper, validator);
        for (String type : new String[] {GROUP_REGISTERED, GROUP_CHANGED}) {
            builder.on(type, EstEvents.GroupState.class, (event, group) -> {
                groups.onGroup(group);
                reminders.onGroup(event, group);
            });
        }
        return builder
                .on("se.trygghetsnav.est.week-opened.v1", EstEvents.WeekOpened.class,
                        (event, week) -> reminders.onWeekOpened(event, week))
                .on("se.trygghetsnav.est.entries-posted.v1", EstEvents.EntriesPosted.class,
                        (event, posted) -> groups.onEntriesPosted(posted))
                .on("se.trygghetsnav.est.week-published.v1", EstEvents.WeekPublished.class,
                        (event, week) -> pictures.onWeekPublished(event, week));
    }
}
