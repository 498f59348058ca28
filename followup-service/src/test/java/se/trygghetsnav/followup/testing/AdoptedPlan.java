package se.trygghetsnav.followup.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import se.trygghetsnav.commons.security.Role;
import se.trygghetsnav.followup.testing.PlanEventStream.MeasureSpec;
import se.trygghetsnav.followup.testing.PlanEventStream.Unit;

/** An adopted plan of a fresh organisation, sent through plan.events and awaited in followup-service. */
public final class AdoptedPlan {

    public final String organisation = "org-" + UUID.randomUUID();
    public final Unit ksk = Unit.named("Kommunstyrelsekontoret", "KSK");
    public final Unit bou = Unit.named("Barn- och utbildningsförvaltningen", "BoU");
    public final PlanEventStream stream;
    public final UUID focusAreaId;
    public final UUID problemId;
    public final List<UUID> measures = new ArrayList<>();

    private AdoptedPlan(String title) {
        stream = PlanEventStream.create(organisation, title);
        focusAreaId = stream.focusArea("Trygghet i offentlig miljö");
        problemId = stream.problem(focusAreaId, "Centrum");
    }

    public static AdoptedPlan draft(String title) {
        return new AdoptedPlan(title);
    }

    public UUID measure(MeasureSpec spec) {
        UUID id = stream.measure(spec);
        measures.add(id);
        return id;
    }

    public MeasureSpec dueOn(String title, LocalDate dueDate, Unit... units) {
        return MeasureSpec.dueOn(focusAreaId, problemId, title, dueDate, units);
    }

    /** Adopts the plan and waits until followup-service has it in force. */
    public AdoptedPlan adoptAndAwait(int port) {
        stream.adopt(LocalDate.of(2025, 1, 20));
        FollowupApi.as(port, organisation, Role.COORDINATOR).awaitGet(
                body -> body.path("status").asString().equals("ADOPTED"), "/api/v1/plans/{id}/followup", stream.planId());
        return this;
    }

    public UUID planId() {
        return stream.planId();
    }
}
