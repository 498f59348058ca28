package se.trygghetsnav.est;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import se.trygghetsnav.commons.service.TrygghetsnavService;

/** est-lagesbild-service: owns the weekly EST lägesbild. */
@SpringBootApplication
@TrygghetsnavService("est-lagesbild-service")
public class EstLagesbildServiceApplication {

    /** The topic of every EST change: groups keyed by group id, weeks keyed by week report id. */
    public static final String EST_EVENTS = "est.events";

    public static void main(String[] args) {
        SpringApplication.run(EstLagesbildServiceApplication.class, args);
    }
}
