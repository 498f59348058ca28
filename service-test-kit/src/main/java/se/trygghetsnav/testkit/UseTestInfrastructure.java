package se.trygghetsnav.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points the Spring test context at this JVM's {@link TestInfrastructure}: a real Kafka broker, a MongoDB
 * endpoint and GreenMail, with every server port chosen at random.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface UseTestInfrastructure {
}
