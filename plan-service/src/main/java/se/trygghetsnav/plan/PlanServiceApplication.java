package se.trygghetsnav.plan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import se.trygghetsnav.commons.service.TrygghetsnavService;

/** plan-service: owns åtgärdsplaner and the organisations' unit directories; publishes {@code plan.events}. */
@SpringBootApplication
@TrygghetsnavService("plan-service")
public class PlanServiceApplication {

    /** The topic of every plan change. */
    public static final String PLAN_EVENTS = "plan.events";

    public static void main(String[] args) {
        SpringApplication.run(PlanServiceApplication.class, args);
    }
}
