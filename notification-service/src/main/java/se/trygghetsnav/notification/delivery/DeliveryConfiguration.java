package se.trygghetsnav.notification.delivery;

import java.time.Clock;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.ClassUtils;

import se.trygghetsnav.commons.worker.BackgroundWorker;
import se.trygghetsnav.commons.worker.WakeUpSignal;

@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    /**
     * Without this property jakarta.mail looks its stream provider up through {@link java.util.ServiceLoader} for
     * every body part it creates or writes, searching the whole class path each time: a fifth of a mail's sending
     * cost in the benchmark. It names the provider that lookup finds (Angus Mail's), so nothing else changes.
     */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    private static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER) == null
                && ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, DeliveryConfiguration.class.getClassLoader())) {
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
    }

    private final WakeUpSignal dispatcherSignal = new WakeUpSignal();

    /** Mail templates: {@code .html} in HTML mode, {@code .txt} (body and subject) in text mode. */
    @Bean
    MailTemplates mailTemplates() {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        // A burst renders 100,000 mails: compiled expressions are about half of interpreted rendering's cost.
        engine.setEnableSpringELCompiler(true);
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
        return new MailTemplates(engine);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }

    @Bean
    MailQueue mailQueue(MongoTemplate mongo, MailTemplates templates, DeliveryProperties properties, Clock clock) {
        return new MailQueue(mongo, templates, new MailBuckets(mongo), dispatcherSignal, clock);
    }

    @Bean
    MailDispatcher mailDispatcher(MongoTemplate mongo, JavaMailSender mailSender, DeliveryProperties properties,
            Clock clock, MeterRegistry meters, ObjectProvider<MailFailureListener> failureListeners) {
        return new MailDispatcher(mongo, mailSender, properties, clock, meters,
                failureListeners.getIfAvailable(() -> (mail, attempts, failure) -> { }));
    }

    @Bean
    BackgroundWorker mailDispatcherWorker(MailDispatcher dispatcher, DeliveryProperties properties) {
        return new BackgroundWorker("mail-dispatcher", dispatcher::dispatchDue, dispatcherSignal,
                properties.pollInterval(), properties.retryMax(), true);
    }
}
