package se.trygghetsnav.est.group.persistence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.trygghetsnav.commons.aggregate.AggregateStore;
import se.trygghetsnav.commons.aggregate.AggregateStores;
import se.trygghetsnav.est.EstLagesbildServiceApplication;
import se.trygghetsnav.est.group.EstGroup;

@Configuration(proxyBeanMethods = false)
class EstGroupPersistence {

    @Bean
    AggregateStore<EstGroup> estGroupStore(AggregateStores stores) {
        return stores.create(EstGroup.class, EstLagesbildServiceApplication.EST_EVENTS);
    }
}
