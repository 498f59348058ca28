package se.trygghetsnav.notification.est;

import java.net.URI;
import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import se.trygghetsnav.notification.calendar.WorkingCalendar;
import se.trygghetsnav.notification.delivery.MailQueue;
import se.trygghetsnav.notification.reminder.ReminderPlanner;
import se.trygghetsnav.notification.reminder.ReminderSchedule;

@Configuration(proxyBeanMethods = false)
class EstConfiguration {

    @Bean
    EstGroups estGroups(MongoTemplate mongo) {
        return new EstGroups(mongo);
    }

    @Bean
    EstWeekMails estWeekMails(
            @Value("${trygghetsnav.notification.links.est-lagesbild-service:http://localhost:8084}") URI estServiceUrl) {
        return new EstWeekMails(estServiceUrl);
    }

    @Bean
    CutOffReminders cutOffReminders(EstGroups groups, ReminderSchedule schedule, ReminderPlanner planner, MailQueue mails,
            EstWeekMails texts, WorkingCalendar calendar, Clock clock) {
        return new CutOffReminders(groups, schedule, planner, mails, texts, calendar, clock);
    }

    @Bean
    WeekPictureMails weekPictureMails(EstGroups groups, MailQueue mails, EstWeekMails texts, EstMailProperties properties,
            Clock clock) {
        return new WeekPictureMails(groups, mails, texts, properties.weekPictureMaxAge(), clock);
    }
}
