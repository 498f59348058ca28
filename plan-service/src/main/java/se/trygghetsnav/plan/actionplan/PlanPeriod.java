package se.trygghetsnav.plan.actionplan;

/** The years a plan covers, e.g. 2024–2026; a one-year plan has the same start and end year. */
public record PlanPeriod(int startYear, int endYear) {

    public PlanPeriod {
        if (endYear < startYear) {
            throw new IllegalArgumentException("A plan period ends (" + endYear + ") before it starts (" + startYear + ")");
        }
    }
}
