package se.trygghetsnav.commons.service;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service's {@code @SpringBootApplication} class with the service's name.
 *
 * <p>The name becomes {@code spring.application.name} and {@code spring.config.name}, so each service
 * reads its own {@code <name>.yml}. Services are started together in one JVM by the system tests, where
 * several {@code application.yml} files on one classpath would shadow each other.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TrygghetsnavService {

    /** The service name, e.g. {@code plan-service}. */
    String value();
}
