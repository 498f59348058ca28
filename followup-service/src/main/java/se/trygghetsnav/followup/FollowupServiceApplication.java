package se.trygghetsnav.followup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import se.trygghetsnav.commons.service.TrygghetsnavService;

/** followup-service: owns uppföljning of the plans' measures. */
@SpringBootApplication
@TrygghetsnavService("followup-service")
public class FollowupServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FollowupServiceApplication.class, args);
    }
}
