package se.trygghetsnav.commons.service;

import java.util.UUID;

/**
 * Where aggregates and events get their ids; a bean, so tests can fix it. (Not Spring's
 * {@code IdGenerator}: Spring Integration, under the Kafka binder, would take such a bean for every
 * message id in the JVM.)
 */
@FunctionalInterface
public interface IdSource {

    UUID nextId();
}
