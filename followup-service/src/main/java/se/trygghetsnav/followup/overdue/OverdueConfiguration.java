package se.trygghetsnav.followup.overdue;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OverdueProperties.class)
class OverdueConfiguration {
}
