package se.trygghetsnav.notification.reminder;

import java.net.URI;
import java.time.Clock;

import net.javacrumbs.shedlock.core.LockingTaskExecutor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import se.trygghetsnav.commons.aggregate.AggregateStore;
import se.trygghetsnav.commons.aggregate.AggregateStores;
import se.trygghetsnav.commons.aggregate.EventContext;
import se.trygghetsnav.commons.worker.BackgroundWorker;
import se.trygghetsnav.commons.worker.WakeUpSignal;
import se.trygghetsnav.notification.announce.Announcement;
import se.trygghetsnav.notification.announce.Announcer;
import se.trygghetsnav.notification.calendar.WorkingCalendar;
import se.trygghetsnav.notification.contacts.ContactDirectory;
import se.trygghetsnav.notification.delivery.MailQueue;

@Configuration(proxyBeanMethods = false)
class ReminderConfiguration {

    static final String TOPIC = "notification.events";

    @Bean
    WorkingCalendar workingCalendar(ReminderProperties properties) {
        return new WorkingCalendar(properties.officeStart(), properties.officeEnd());
    }

    @Bean
    ContactDirectory contactDirectory(MongoTemplate mongo, Clock clock) {
        return new ContactDirectory(mongo, clock);
    }

    @Bean
    ReminderSlots reminderSlots(MongoTemplate mongo) {
        return new ReminderSlots(mongo);
    }

    @Bean
    ReminderSchedule reminderSchedule(MongoTemplate mongo, ReminderSlots slots, Clock clock) {
        return new ReminderSchedule(mongo, slots, clock);
    }

    @Bean
    ReminderPlanner reminderPlanner(ReminderSchedule schedule, ContactDirectory contacts, WorkingCalendar calendar,
            ReminderProperties properties, MongoTemplate mongo, Clock clock) {
        return new ReminderPlanner(schedule, contacts, calendar, properties, mongo, clock);
    }

    @Bean
    ReminderMessages reminderMessages(ContactDirectory contacts, ReminderSchedule schedule,
            @Value("${trygghetsnav.notification.links.plan-service:http://localhost:8081}") URI planServiceUrl,
            @Value("${trygghetsnav.notification.links.followup-service:http://localhost:8082}") URI followupServiceUrl) {
        return new ReminderMessages(contacts, schedule, planServiceUrl, followupServiceUrl);
    }

    @Bean
    ReminderDelivery reminderDelivery(MongoTemplate mongo, MailQueue mails, ReminderSlots slots, WorkingCalendar calendar,
            Clock clock) {
        return new ReminderDelivery(mongo, mails, slots, calendar, clock);
    }

    @Bean
    AggregateStore<Announcement> announcementStore(AggregateStores stores) {
        return stores.create(Announcement.class, TOPIC);
    }

    @Bean
    Announcer announcer(AggregateStore<Announcement> store, EventContext context, ReminderProperties properties,
            Clock clock) {
        return new Announcer(store, context, properties.deliveryFailedAfterAttempts(), clock);
    }

    @Bean
    ReminderDispatcher reminderDispatcher(MongoTemplate mongo, ReminderSlots slots, ReminderMessages messages,
            ReminderDelivery delivery, ReminderPlanner planner, Announcer announcer, ContactDirectory contacts,
            LockingTaskExecutor locks, ReminderProperties properties, Clock clock, ObjectProvider<ReminderFiring> otherFirings) {
        return new ReminderDispatcher(mongo, slots, messages, delivery, planner, announcer, contacts, locks, properties,
                clock, otherFirings.orderedStream().toList());
    }

    @Bean
    BackgroundWorker reminderDispatcherWorker(ReminderDispatcher dispatcher, ReminderProperties properties) {
        return new BackgroundWorker("reminder-dispatcher", dispatcher::dispatchDue, new WakeUpSignal(),
                properties.dispatchInterval(), properties.dispatchInterval().multipliedBy(10), true);
    }
}
