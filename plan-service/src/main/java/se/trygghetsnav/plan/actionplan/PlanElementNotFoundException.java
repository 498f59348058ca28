package se.trygghetsnav.plan.actionplan;

import java.util.UUID;

import se.trygghetsnav.commons.problem.ResourceNotFoundException;

/** No focus area, problem, cause, goal or measure with this id in the plan (404). */
public class PlanElementNotFoundException extends ResourceNotFoundException {

    public PlanElementNotFoundException(String elementKind, UUID id) {
        super(elementKind, id);
    }
}
