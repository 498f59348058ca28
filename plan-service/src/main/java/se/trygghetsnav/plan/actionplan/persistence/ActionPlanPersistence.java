package se.trygghetsnav.plan.actionplan.persistence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.trygghetsnav.commons.aggregate.AggregateStore;
import se.trygghetsnav.commons.aggregate.AggregateStores;
import se.trygghetsnav.plan.PlanServiceApplication;
import se.trygghetsnav.plan.actionplan.ActionPlan;

@Configuration(proxyBeanMethods = false)
class ActionPlanPersistence {

    @Bean
    AggregateStore<ActionPlan> actionPlanStore(AggregateStores stores) {
        return stores.create(ActionPlan.class, PlanServiceApplication.PLAN_EVENTS);
    }
}
