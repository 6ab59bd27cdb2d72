package io.feedlens.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a real in-process Kafka broker: declare a parameter or field of type
 * {@link io.feedlens.app.broker.EmbeddedKafka}. One broker serves the whole run (tests use their own topics).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KafkaBrokerExtension.class)
public @interface KafkaBroker {
}
