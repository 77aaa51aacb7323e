package io.leadgate.service.kafka;

import io.leadgate.contracts.Topics.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds listener container factories bound to one topic's event type. Values are read through
 * {@link ErrorHandlingDeserializer}, so a record that is not valid JSON for the topic reaches the
 * error handler (and the dead-letter topic) instead of failing the poll loop forever. The type
 * comes from the topic definition, never from a header.
 */
public final class KafkaListenerFactories {

  private final ConcurrentKafkaListenerContainerFactoryConfigurer configurer;
  private final KafkaProperties properties;
  private final JsonMapper jsonMapper;
  private final List<DefaultKafkaConsumerFactoryCustomizer> customizers;

  public KafkaListenerFactories(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
      KafkaProperties properties,
      JsonMapper jsonMapper) {
    this(configurer, properties, jsonMapper, List.of());
  }

  /**
   * @param customizers applied to every consumer factory built here, as Spring Boot applies them to
   *     its own: among them the one binding Kafka's client metrics (consumer lag included) to
   *     Micrometer, which these factories would otherwise miss
   */
  public KafkaListenerFactories(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
      KafkaProperties properties,
      JsonMapper jsonMapper,
      List<DefaultKafkaConsumerFactoryCustomizer> customizers) {
    this.configurer = configurer;
    this.properties = properties;
    this.jsonMapper = jsonMapper;
    this.customizers = List.copyOf(customizers);
  }

  public <T> ConcurrentKafkaListenerContainerFactory<String, T> forTopic(
      Topic topic, Class<T> valueType) {
    return forTopic(topic, valueType, Map.of());
  }

  public <T> ConcurrentKafkaListenerContainerFactory<String, T> forTopic(
      Topic topic, Class<T> valueType, Map<String, Object> overrides) {
    if (!topic.valueType().equals(valueType)) {
      throw new IllegalArgumentException(topic.name() + " carries " + topic.valueType());
    }
    Map<String, Object> config = new java.util.HashMap<>(properties.buildConsumerProperties());
    config.putAll(overrides);
    JacksonJsonDeserializer<T> json = new JacksonJsonDeserializer<>(valueType, jsonMapper, false);
    DefaultKafkaConsumerFactory<String, T> consumers =
        new DefaultKafkaConsumerFactory<>(
            config, new StringDeserializer(), new ErrorHandlingDeserializer<>(json));
    customizers.forEach(customizer -> customizer.customize(consumers));
    ConcurrentKafkaListenerContainerFactory<String, T> factory =
        new ConcurrentKafkaListenerContainerFactory<>();
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConcurrentKafkaListenerContainerFactory<Object, Object> raw =
        (ConcurrentKafkaListenerContainerFactory) factory;
    @SuppressWarnings({"unchecked", "rawtypes"})
    DefaultKafkaConsumerFactory<Object, Object> rawConsumers =
        (DefaultKafkaConsumerFactory) consumers;
    configurer.configure(raw, rawConsumers);
    return factory;
  }

  /** How often an observing consumer commits its offsets. */
  public static final Duration OBSERVER_COMMIT_INTERVAL = Duration.ofSeconds(5);

  /**
   * For a consumer that only observes (meters, dashboards, in-memory views of other services'
   * events): its offsets are committed every {@link #OBSERVER_COMMIT_INTERVAL} instead of after
   * every poll. A synchronous commit per poll was a tenth of budget-service's CPU at the steady
   * rate (async-profiler), and what it protects, not reading a few seconds of events twice after a
   * crash, does not matter to a meter or a view rebuilt at start.
   */
  public static <T> ConcurrentKafkaListenerContainerFactory<String, T> observing(
      ConcurrentKafkaListenerContainerFactory<String, T> factory) {
    ContainerProperties container = factory.getContainerProperties();
    container.setAckMode(ContainerProperties.AckMode.TIME);
    container.setAckTime(OBSERVER_COMMIT_INTERVAL.toMillis());
    return factory;
  }

  /**
   * For a consumer that observes a topic another service owns: {@link #observing}, and an
   * unreadable record is skipped and logged, never dead-lettered (the owning consumer already parks
   * it, once).
   */
  public static <T> ConcurrentKafkaListenerContainerFactory<String, T> readOnly(
      ConcurrentKafkaListenerContainerFactory<String, T> factory) {
    factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(0, 0)));
    return observing(factory);
  }
}
