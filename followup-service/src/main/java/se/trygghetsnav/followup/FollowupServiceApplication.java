package se.trygghetsnav.followup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import se.trygghetsnav.commons.service.TrygghetsnavService;

/** followup-service: owns uppföljning of the plans' measures. */
@SpringBootApplication
@TrygghetsnavService("followup-service")
public class FollowupServiceApplication {

    /** The topic followup-service publishes to: rounds, reports, overdue measures, indicator values. */
    public static final String FOLLOWUP_EVENTS = "followup.events";

    public static void main(String[] args) {
        SpringApplication.run(FollowupServiceApplication.class, args);
    }
}
