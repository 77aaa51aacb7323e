package io.leadgate.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes the JVM's shared {@link KafkaBroker} available before a test class runs, and publishes its
 * address as {@code spring.kafka.bootstrap-servers} so Spring Boot contexts connect to it without
 * per-test wiring. Register it before the Spring extension (see {@link WithKafkaBroker}).
 */
public class KafkaBrokerExtension implements BeforeAllCallback {

  public static final String BOOTSTRAP_PROPERTY = "spring.kafka.bootstrap-servers";

  @Override
  public void beforeAll(ExtensionContext context) {
    System.setProperty(BOOTSTRAP_PROPERTY, KafkaBroker.bootstrapServers());
  }
}
