package se.trygghetsnav.commons.problem;

import org.springframework.http.HttpStatus;

/**
 * The resource does not exist, or belongs to another organisation: both answer 404 with the same text,
 * so nothing of another organisation's data leaks.
 */
public class ResourceNotFoundException extends ApiProblem {

    /**
     * @param resourceKind the message key suffix naming the kind of resource, e.g. {@code plan}
     * @param id the id the caller asked for
     */
    public ResourceNotFoundException(String resourceKind, Object id) {
        super(HttpStatus.NOT_FOUND, "not-found", "problem.not-found.detail." + resourceKind, java.util.Map.of(),
                String.valueOf(id));
    }
}
