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
            ActionPlan created = store.save(ActionPlan.start(organisation, header(2025, 2026), context));
            ActionPlan mine = store.findById(created.getId()).orElseThrow();
            ActionPlan theirs = store.findById(created.getId()).orElseThrow();

            mine.addFocusArea(area("Mitt fokusområde"), context);
            theirs.addFocusArea(area("Deras fokusområde"), context);
            store.save(mine);

            assertThatThrownBy(() -> store.save(theirs)).isInstanceOf(OptimisticLockingFailureException.class);
            ActionPlan stored = store.findById(created.getId()).orElseThrow();
            assertThat(stored.getVersion()).isEqualTo(2);
            assertThat(stored.getFocusAreas()).extracting(area -> area.content().name()).containsExactly("Mitt fokusområde");
            Document raw = mongo.getCollection("action_plans").find(new Document("_id", created.getId())).first();
            assertThat(raw.getList("pendingEvents", Document.class))
                    .allSatisfy(event -> assertThat(event.getString("payload")).doesNotContain("Deras fokusområde"));
            return null;
        });
    }

    @Test
    void anAggregateIsStoredWithItsEventsVersionedInOrder() {
        TenantScope.callAsOrganisation(organisation, () -> {
            ActionPlan plan = ActionPlan.start(organisation, header(2025, 2025), context);
            plan.addFocusArea(area("Första"), context);
            plan.addFocusArea(area("Andra"), context);

            assertThat(plan.raisedEvents()).extracting(event -> event.aggregateVersion()).containsExactly(1L, 2L, 3L);
            store.save(plan);

            assertThat(plan.raisedEvents()).isEmpty();
            assertThat(store.findById(plan.getId()).orElseThrow().getVersion()).isEqualTo(3);
            return null;
        });
    }

    private static PlanHeader header(int startYear, int endYear) {
        return new PlanHeader("Plan", new PlanPeriod(startYear, endYear), null, null, null, null, null);
    }

    private static FocusAreaContent area(String name) {
        return new FocusAreaContent(name, null, null);
    }
}
