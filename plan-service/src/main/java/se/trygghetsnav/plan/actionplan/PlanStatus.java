package se.trygghetsnav.plan.actionplan;

/** Where a plan is in its lifecycle. Plans start as drafts; adoption and revisions come with the plan lifecycle. */
public enum PlanStatus {
    DRAFT
}
