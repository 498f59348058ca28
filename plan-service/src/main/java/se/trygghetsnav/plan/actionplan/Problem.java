package se.trygghetsnav.plan.actionplan;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A problem under a focus area: its causes lead to operational goals, reached through measures. Measures
 * link to the causes and goals of their own problem.
 */
public record Problem(UUID id, @JsonUnwrapped ProblemContent content, List<Cause> causes, List<OperationalGoal> goals,
        List<Measure> measures) {

    public Problem {
        causes = Lists.orEmpty(causes);
        goals = Lists.orEmpty(goals);
        measures = Lists.orEmpty(measures);
    }

    Problem with(ProblemContent newContent) {
        return new Problem(id, newContent, causes, goals, measures);
    }

    Problem withCauses(List<Cause> newCauses) {
        return new Problem(id, content, newCauses, goals, measures);
    }

    Problem withGoals(List<OperationalGoal> newGoals) {
        return new Problem(id, content, causes, newGoals, measures);
    }

    Problem withMeasures(List<Measure> newMeasures) {
        return new Problem(id, content, causes, goals, newMeasures);
    }
}
