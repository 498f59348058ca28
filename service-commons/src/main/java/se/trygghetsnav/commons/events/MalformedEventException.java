package se.trygghetsnav.commons.events;

/**
 * An inbound event that can never be processed: missing CloudEvents headers, unreadable JSON or a payload
 * that breaks the contract. Consumer bindings mark it as not retryable, so it goes to the dead-letter topic
 * at once instead of blocking the partition.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
