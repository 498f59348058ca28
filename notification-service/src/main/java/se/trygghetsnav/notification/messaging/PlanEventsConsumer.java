package se.trygghetsnav.notification.messaging;

import java.util.function.Consumer;

import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import se.trygghetsnav.commons.events.EventDispatcher;
import se.trygghetsnav.commons.events.InboundEvent;
import se.trygghetsnav.commons.idempotency.ProcessedEventLog;
import se.trygghetsnav.notification.assignment.MeasureAssignmentNotices;
import se.trygghetsnav.notification.contacts.ContactDirectory;
import se.trygghetsnav.notification.contacts.MeasureState;
import se.trygghetsnav.notification.contacts.PlanEvents;
import se.trygghetsnav.notification.reminder.ReminderPlanner;

/**
 * The {@code planEvents} binding: {@code plan.events}, group {@code notification-service}, dead letters to
 * {@code plan.events.notification-service.dlt} (notification-service.yml). Each event first updates the contacts
 * projection, then what depends on it.
 */
@Configuration(proxyBeanMethods = false)
class PlanEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> planEvents(JsonMapper jsonMapper, Validator validator, ProcessedEventLog processed,
            ContactDirectory contacts, MeasureAssignmentNotices notices, ReminderPlanner reminders) {
        return EventDispatcher.builder("notification-service/plan-events", jsonMapper, validator)
                .on("se.trygghetsnav.plan.measure-added.v1", MeasureState.class, (InboundEvent event, MeasureState measure) -> {
                    contacts.onMeasure(measure);
                    notices.onMeasureAdded(event, measure);
                    reminders.onMeasure(event, measure);
                })
                .on("se.trygghetsnav.plan.measure-changed.v1", MeasureState.class, (InboundEvent event, MeasureState measure) -> {
                    contacts.onMeasure(measure);
                    reminders.onMeasure(event, measure);
                })
                .on("se.trygghetsnav.plan.measure-removed.v1", PlanEvents.MeasureRemoved.class,
                        (InboundEvent event, PlanEvents.MeasureRemoved removed) -> {
                            contacts.onMeasureRemoved(removed);
                            reminders.onMeasureRemoved(event, removed);
                        })
                .on("se.trygghetsnav.plan.plan-created.v1", PlanEvents.PlanHeader.class, (event, plan) -> contacts.onPlanHeader(plan))
                .on("se.trygghetsnav.plan.plan-updated.v1", PlanEvents.PlanHeader.class, (event, plan) -> contacts.onPlanHeader(plan))
                .on("se.trygghetsnav.plan.org-unit-registered.v1", PlanEvents.OrgUnit.class, (event, unit) -> contacts.onOrgUnit(unit))
                .on("se.trygghetsnav.plan.org-unit-changed.v1", PlanEvents.OrgUnit.class, (event, unit) -> contacts.onOrgUnit(unit))
                .skipProcessed(processed)
                .build();
    }
}
