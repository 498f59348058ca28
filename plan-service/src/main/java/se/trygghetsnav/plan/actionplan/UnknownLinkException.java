package se.trygghetsnav.plan.actionplan;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;

import se.trygghetsnav.commons.problem.ApiProblem;

/** A measure names causes or goals that are not its problem's (422). */
public class UnknownLinkException extends ApiProblem {

    public UnknownLinkException(UUID problemId, List<UUID> unknownIds) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-link",
                unknownIds.stream().map(UUID::toString).collect(Collectors.joining(", ")), problemId.toString());
    }
}
