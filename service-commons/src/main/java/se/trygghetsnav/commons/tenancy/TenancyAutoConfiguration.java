package se.trygghetsnav.commons.tenancy;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import se.trygghetsnav.commons.service.ServiceEnvironmentPostProcessor;

/** Limits every owned collection to the current tenant scope (see {@link TenantScopedDatabases}). */
@AutoConfiguration
@ConditionalOnProperty(ServiceEnvironmentPostProcessor.SERVICE_NAME_PROPERTY)
public class TenancyAutoConfiguration {

    @Bean
    TenantOwnership tenantOwnership(MongoMappingContext mappingContext, List<TenantOwnedCollection> collections) {
        TenantOwnership ownership = new TenantOwnership(mappingContext);
        collections.forEach(owned -> ownership.register(owned.collection(), owned.ownerField()));
        return ownership;
    }

    /** Static: a post-processor must not pull the beans it post-processes into early creation. */
    @Bean
    static BeanPostProcessor tenantScopedDatabaseFactory(ObjectProvider<TenantOwnership> ownership) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof MongoDatabaseFactory factory
                        ? TenantScopedDatabases.wrap(factory, ownership::getObject) : bean;
            }
        };
    }
}
