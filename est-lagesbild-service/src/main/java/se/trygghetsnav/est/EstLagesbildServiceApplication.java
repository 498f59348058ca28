package se.trygghetsnav.est;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import se.trygghetsnav.commons.service.TrygghetsnavService;

/** est-lagesbild-service: owns the weekly EST lägesbild. */
@SpringBootApplication
@TrygghetsnavService("est-lagesbild-service")
public class EstLagesbildServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(EstLagesbildServiceApplication.class, args);
    }
}
