package se.trygghetsnav.commons.problem;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * An error a client can act on, answered as RFC 9457 problem details.
 *
 * <p>{@code kind} names the problem type ({@code https://trygghetsnav.se/problems/<kind>}); title and
 * detail come from the message bundle {@code trygghetsnav-problems} under {@code problem.<kind>.title} and
 * {@code problem.<kind>.detail} (or {@code detailCode}), in the caller's language, with {@code arguments}.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String kind;
    private final String detailCode;
    private final Object[] arguments;
    private final Map<String, Object> properties;

    public ApiProblem(HttpStatus status, String kind, Object... arguments) {
        this(status, kind, "problem." + kind + ".detail", Map.of(), arguments);
    }

    public ApiProblem(HttpStatus status, String kind, String detailCode, Map<String, Object> properties,
            Object... arguments) {
        super(kind + ": " + detailCode);
        this.status = status;
        this.kind = kind;
        this.detailCode = detailCode;
        this.arguments = arguments.clone();
        this.properties = Map.copyOf(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String detailCode() {
        return detailCode;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** Extra members of the problem body, e.g. the current ETag or a list of violations. */
    public Map<String, Object> properties() {
        return properties;
    }
}
