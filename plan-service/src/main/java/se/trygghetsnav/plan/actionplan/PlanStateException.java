package se.trygghetsnav.plan.actionplan;

import org.springframework.http.HttpStatus;

import se.trygghetsnav.commons.problem.ApiProblem;

/** The change does not fit the plan's status, e.g. editing an adopted revision (409). */
public class PlanStateException extends ApiProblem {

    public PlanStateException(String kind, PlanStatus status) {
        super(HttpStatus.CONFLICT, kind, status.name());
    }
}
