package se.trygghetsnav.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import se.trygghetsnav.commons.service.TrygghetsnavService;

/** notification-service: tells the responsible people, by email, what is theirs to do and when. */
@SpringBootApplication
@ConfigurationPropertiesScan
@TrygghetsnavService("notification-service")
public class NotificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationServiceApplication.class, args);
    }
}
