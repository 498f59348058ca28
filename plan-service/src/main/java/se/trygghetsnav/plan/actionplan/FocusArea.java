package se.trygghetsnav.plan.actionplan;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A focus area of a plan, with its problems. */
public record FocusArea(UUID id, @JsonUnwrapped FocusAreaContent content, List<Problem> problems) {

    public FocusArea {
        problems = Lists.orEmpty(problems);
    }

    FocusArea with(FocusAreaContent newContent) {
        return new FocusArea(id, newContent, problems);
    }

    FocusArea withProblems(List<Problem> newProblems) {
        return new FocusArea(id, content, newProblems);
    }
}
