package se.trygghetsnav.followup.round.persistence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.trygghetsnav.commons.aggregate.AggregateStore;
import se.trygghetsnav.commons.aggregate.AggregateStores;
import se.trygghetsnav.commons.tenancy.TenantOwnedCollection;
import se.trygghetsnav.followup.FollowupServiceApplication;
import se.trygghetsnav.followup.round.FollowupRound;
import se.trygghetsnav.followup.round.ReportHistory;
import se.trygghetsnav.followup.round.RoundIndex;

@Configuration(proxyBeanMethods = false)
class RoundPersistence {

    @Bean
    AggregateStore<FollowupRound> followupRoundStore(AggregateStores stores) {
        return stores.create(FollowupRound.class, FollowupServiceApplication.FOLLOWUP_EVENTS);
    }

    @Bean
    static TenantOwnedCollection roundIndexOwnership() {
        return new TenantOwnedCollection(RoundIndex.COLLECTION, "organisationId");
    }

    @Bean
    static TenantOwnedCollection reportHistoryOwnership() {
        return new TenantOwnedCollection(ReportHistory.COLLECTION, "organisationId");
    }
}
