package se.trygghetsnav.est.week.persistence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.trygghetsnav.commons.aggregate.AggregateStore;
import se.trygghetsnav.commons.aggregate.AggregateStores;
import se.trygghetsnav.est.EstLagesbildServiceApplication;
import se.trygghetsnav.est.week.WeekReport;

@Configuration(proxyBeanMethods = false)
class WeekReportPersistence {

    /** Loads and saves weeks for corrections, reviews, decisions and publication; registers them with the relay. */
    @Bean
    AggregateStore<WeekReport> weekReportStore(AggregateStores stores) {
        return stores.create(WeekReport.class, EstLagesbildServiceApplication.EST_EVENTS);
    }
}
