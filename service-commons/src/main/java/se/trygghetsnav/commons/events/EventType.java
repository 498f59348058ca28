package se.trygghetsnav.commons.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The CloudEvents {@code type} of a {@link DomainEvent} record, e.g.
 * {@code se.trygghetsnav.plan.measure-added.v1}: {@code se.trygghetsnav.<area>.<event-name>.v<N>}
 * (checked by {@link EventTypes#isWellFormed}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EventType {

    String value();
}
