package se.trygghetsnav.plan.actionplan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The readiness check before adoption, as the plan templates ask: every problem has a cause; every measure
 * has a cause, a responsible unit and a schedule; every goal is reached through at least one measure.
 */
public final class Readiness {

    private static final String SEPARATOR = " › ";

    private Readiness() {
    }

    /** Every violation, in tree order; empty when the plan may be adopted. */
    public static List<ReadinessViolation> of(ActionPlan plan) {
        List<ReadinessViolation> violations = new ArrayList<>();
        List<FocusArea> areas = plan.getFocusAreas();
        for (int a = 0; a < areas.size(); a++) {
            FocusArea area = areas.get(a);
            for (int p = 0; p < area.problems().size(); p++) {
                Problem problem = area.problems().get(p);
                String problemPath = "focusAreas[" + a + "].problems[" + p + "]";
                String problemLocation = area.content().name() + SEPARATOR + problem.content().title();
                if (problem.causes().isEmpty()) {
                    violations.add(new ReadinessViolation("problem-without-cause", problemPath, problemLocation,
                            problem.id()));
                }
                Set<UUID> reachedGoals = new HashSet<>();
                for (int m = 0; m < problem.measures().size(); m++) {
                    Measure measure = problem.measures().get(m);
                    String path = problemPath + ".measures[" + m + "]";
                    String location = problemLocation + SEPARATOR + measure.content().title();
                    MeasureContent content = measure.content();
                    if (content.causeIds().isEmpty()) {
                        violations.add(new ReadinessViolation("measure-without-cause", path, location, measure.id()));
                    }
                    if (content.responsible().isEmpty()) {
                        violations.add(new ReadinessViolation("measure-without-responsible-unit", path, location,
                                measure.id()));
                    }
                    if (content.schedule() == null) {
                        violations.add(new ReadinessViolation("measure-without-schedule", path, location, measure.id()));
                    }
                    reachedGoals.addAll(content.goalIds());
                }
                for (int g = 0; g < problem.goals().size(); g++) {
                    OperationalGoal goal = problem.goals().get(g);
                    if (!reachedGoals.contains(goal.id())) {
                        violations.add(new ReadinessViolation("goal-without-measure", problemPath + ".goals[" + g + "]",
                                problemLocation + SEPARATOR + goal.content().text(), goal.id()));
                    }
                }
            }
        }
        return violations;
    }
}
