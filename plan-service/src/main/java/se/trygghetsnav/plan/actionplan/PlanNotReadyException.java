package se.trygghetsnav.plan.actionplan;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import se.trygghetsnav.commons.problem.ApiProblem;

/** Adoption refused: the plan has readiness violations, listed in the problem's {@code violations} (409). */
public class PlanNotReadyException extends ApiProblem {

    public PlanNotReadyException(List<ReadinessViolation> violations) {
        super(HttpStatus.CONFLICT, "plan-not-ready", "problem.plan-not-ready.detail",
                Map.of("violations", violations), violations.size());
    }
}
