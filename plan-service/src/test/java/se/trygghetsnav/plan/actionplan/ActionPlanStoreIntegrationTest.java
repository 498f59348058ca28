package se.trygghetsnav.plan.actionplan;

import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

import se.trygghetsnav.commons.aggregate.AggregateStore;
import se.trygghetsnav.commons.aggregate.EventContext;
import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class ActionPlanStoreIntegrationTest {

    @Autowired
    AggregateStore<ActionPlan> store;

    @Autowired
    EventContext context;

    @Autowired
    MongoTemplate mongo;

    private final String organisation = "org-" + UUID.randomUUID();

    @Test
    void ofTwoConcurrentChangesTheSecondIsRefusedAndOnlyTheFirstEventIsStored() {
        TenantScope.callAsOrganisation(organisation, () -> {
            ActionPlan created = store.save(ActionPlan.start(organisation, "Plan", new PlanPeriod(2025, 2026), context));
            ActionPlan mine = store.findById(created.getId()).orElseThrow();
            ActionPlan theirs = store.findById(created.getId()).orElseThrow();

            mine.addMeasure("Min åtgärd", null, null, List.of(), context);
            theirs.addMeasure("Deras åtgärd", null, null, List.of(), context);
            store.save(mine);

            assertThatThrownBy(() -> store.save(theirs)).isInstanceOf(OptimisticLockingFailureException.class);
            ActionPlan stored = store.findById(created.getId()).orElseThrow();
            assertThat(stored.getVersion()).isEqualTo(2);
            assertThat(stored.getMeasures()).extracting(Measure::title).containsExactly("Min åtgärd");
            Document raw = mongo.getCollection("action_plans").find(new Document("_id", created.getId())).first();
            assertThat(raw.getList("pendingEvents", Document.class))
                    .allSatisfy(event -> assertThat(event.getString("payload")).doesNotContain("Deras åtgärd"));
            return null;
        });
    }

    @Test
    void anAggregateIsStoredWithItsEventsVersionedInOrder() {
        TenantScope.callAsOrganisation(organisation, () -> {
            ActionPlan plan = ActionPlan.start(organisation, "Plan", new PlanPeriod(2025, 2025), context);
            plan.addMeasure("Första", null, null, List.of(), context);
            plan.addMeasure("Andra", null, null, List.of(), context);

            assertThat(plan.raisedEvents()).extracting(event -> event.aggregateVersion()).containsExactly(1L, 2L, 3L);
            store.save(plan);

            assertThat(plan.raisedEvents()).isEmpty();
            assertThat(store.findById(plan.getId()).orElseThrow().getVersion()).isEqualTo(3);
            return null;
        });
    }
}
