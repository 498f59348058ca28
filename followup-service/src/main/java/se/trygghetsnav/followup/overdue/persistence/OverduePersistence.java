package se.trygghetsnav.followup.overdue.persistence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.trygghetsnav.commons.aggregate.AggregateStore;
import se.trygghetsnav.commons.aggregate.AggregateStores;
import se.trygghetsnav.followup.FollowupServiceApplication;
import se.trygghetsnav.followup.overdue.DeadlineWatch;

@Configuration(proxyBeanMethods = false)
class OverduePersistence {

    @Bean
    AggregateStore<DeadlineWatch> deadlineWatchStore(AggregateStores stores) {
        return stores.create(DeadlineWatch.class, FollowupServiceApplication.FOLLOWUP_EVENTS);
    }
}
