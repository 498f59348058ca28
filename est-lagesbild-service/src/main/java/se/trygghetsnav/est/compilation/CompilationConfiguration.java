package se.trygghetsnav.est.compilation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CompilationProperties.class)
class CompilationConfiguration {
}
