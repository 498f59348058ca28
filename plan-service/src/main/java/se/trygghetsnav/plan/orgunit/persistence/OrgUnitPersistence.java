package se.trygghetsnav.plan.orgunit.persistence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.trygghetsnav.commons.aggregate.AggregateStore;
import se.trygghetsnav.commons.aggregate.AggregateStores;
import se.trygghetsnav.plan.PlanServiceApplication;
import se.trygghetsnav.plan.orgunit.OrgUnit;

@Configuration(proxyBeanMethods = false)
class OrgUnitPersistence {

    @Bean
    AggregateStore<OrgUnit> orgUnitStore(AggregateStores stores) {
        return stores.create(OrgUnit.class, PlanServiceApplication.PLAN_EVENTS);
    }
}
