package se.trygghetsnav.plan.tenancy;

import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Query;

import se.trygghetsnav.commons.aggregate.AggregateStore;
import se.trygghetsnav.commons.aggregate.EventContext;
import se.trygghetsnav.commons.tenancy.TenantOwnership;
import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.plan.actionplan.ActionPlan;
import se.trygghetsnav.plan.actionplan.PlanHeader;
import se.trygghetsnav.plan.actionplan.PlanPeriod;
import se.trygghetsnav.plan.actionplan.persistence.ActionPlanRepository;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tenancy is enforced below the repositories: whatever way the code reads or writes an owned collection, it
 * reaches only the current organisation's documents, and without a scope it reaches nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class TenancyIntegrationTest {

    @Autowired
    AggregateStore<ActionPlan> store;

    @Autowired
    ActionPlanRepository repository;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EventContext context;

    @Autowired
    TenantOwnership ownership;

    private final String ours = "org-" + UUID.randomUUID();
    private final String theirs = "org-" + UUID.randomUUID();
    private UUID ourPlan;
    private UUID theirPlan;

    @BeforeEach
    void twoOrganisationsWithAPlanEach() {
        ourPlan = TenantScope.callAsOrganisation(ours,
                () -> store.save(ActionPlan.start(ours, header("Vår plan"), context)).getId());
        theirPlan = TenantScope.callAsOrganisation(theirs,
                () -> store.save(ActionPlan.start(theirs, header("Deras plan"), context)).getId());
    }

    @Test
    void repositoriesTemplatesAndRawCollectionsSeeOnlyTheOwnOrganisation() {
        TenantScope.callAsOrganisation(ours, () -> {
            assertThat(repository.findById(ourPlan)).isPresent();
            assertThat(repository.findById(theirPlan)).isEmpty();
            assertThat(repository.findAllBy(Pageable.unpaged()).getContent()).extracting(ActionPlan::getId)
                    .contains(ourPlan).doesNotContain(theirPlan);
            assertThat(mongo.findById(theirPlan, ActionPlan.class)).isNull();
            assertThat(mongo.find(new Query(), ActionPlan.class)).allMatch(plan -> plan.getOrganisationId().equals(ours));
            assertThat(mongo.count(new Query(), ActionPlan.class)).isEqualTo(1);
            assertThat(mongo.getCollection("action_plans").find(new Document("_id", theirPlan)).first()).isNull();
            assertThat(mongo.getCollection("action_plans").countDocuments()).isEqualTo(1);
            assertThat(mongo.aggregate(Aggregation.newAggregation(Aggregation.project("header.title")), "action_plans",
                    Document.class).getMappedResults()).extracting(plan -> plan.getString("title")).containsExactly("Vår plan");
            return null;
        });
    }

    @Test
    void anotherOrganisationsDocumentCannotBeChangedOrDeleted() {
        TenantScope.callAsOrganisation(ours, () -> {
            assertThat(mongo.getCollection("action_plans").updateOne(new Document("_id", theirPlan),
                    new Document("$set", new Document("header.title", "Kapad"))).getMatchedCount()).isZero();
            assertThat(mongo.getCollection("action_plans").deleteMany(new Document()).getDeletedCount()).isEqualTo(1);
            return null;
        });
        TenantScope.callAsOrganisation(theirs, () -> {
            assertThat(repository.findById(theirPlan)).get().extracting(plan -> plan.getHeader().title()).isEqualTo("Deras plan");
            return null;
        });
    }

    @Test
    void aDocumentOfAnotherOrganisationCannotBeWritten() {
        TenantScope.callAsOrganisation(ours, () -> {
            assertThatThrownBy(() -> store.save(ActionPlan.start(theirs, header("Smuggel"), context)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("does not belong to organisation " + ours);
            return null;
        });
    }

    @Test
    void withoutAScopeOwnedCollectionsCannotBeTouched() {
        assertThatThrownBy(() -> repository.findById(ourPlan)).hasMessageContaining("No tenant scope");
        assertThatThrownBy(() -> mongo.getCollection("action_plans").countDocuments()).hasMessageContaining("No tenant scope");
    }

    @Test
    void aDocumentOwnedBySeveralOrganisationsIsSeenByEachMemberOnly() {
        ownership.register("membership_test", "memberOrganisationIds");
        String group = "group-" + UUID.randomUUID();
        TenantScope.callAsOrganisation(ours, () -> mongo.getCollection("membership_test").insertOne(
                new Document("_id", group).append("memberOrganisationIds", List.of(ours, theirs))));
        String outsider = "org-" + UUID.randomUUID();

        for (String member : List.of(ours, theirs)) {
            assertThat(TenantScope.callAsOrganisation(member,
                    () -> mongo.getCollection("membership_test").countDocuments(new Document("_id", group)))).isEqualTo(1);
        }
        assertThat(TenantScope.callAsOrganisation(outsider,
                () -> mongo.getCollection("membership_test").countDocuments(new Document("_id", group)))).isZero();
        assertThatThrownBy(() -> TenantScope.callAsOrganisation(outsider, () -> mongo.getCollection("membership_test")
                .insertOne(new Document("_id", "x").append("memberOrganisationIds", List.of(ours)))))
                .hasMessageContaining("does not belong");
    }

    @Test
    void theSystemScopeSeesEveryOrganisation() {
        List<UUID> all = TenantScope.callAsSystem(() -> mongo.find(new Query(), ActionPlan.class).stream()
                .map(ActionPlan::getId).toList());

        assertThat(all).contains(ourPlan, theirPlan);
    }

    private static PlanHeader header(String title) {
        return new PlanHeader(title, new PlanPeriod(2025, 2026), null, null, null, null, null);
    }
}
