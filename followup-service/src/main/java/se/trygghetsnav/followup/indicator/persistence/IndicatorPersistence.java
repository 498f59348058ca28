package se.trygghetsnav.followup.indicator.persistence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.trygghetsnav.commons.aggregate.AggregateStore;
import se.trygghetsnav.commons.aggregate.AggregateStores;
import se.trygghetsnav.followup.FollowupServiceApplication;
import se.trygghetsnav.followup.indicator.IndicatorSeries;

@Configuration(proxyBeanMethods = false)
class IndicatorPersistence {

    @Bean
    AggregateStore<IndicatorSeries> indicatorSeriesStore(AggregateStores stores) {
        return stores.create(IndicatorSeries.class, FollowupServiceApplication.FOLLOWUP_EVENTS);
    }
}
