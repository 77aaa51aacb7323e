package io.leadgate.service.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka settings every Leadgate service shares: durable producers (acks=all, idempotence) writing
 * JSON without Java type headers, and one error handler that retries a failing record a few times
 * and then parks it on its topic's dead-letter topic with the reason, so that no consumer gets
 * stuck behind a poison record and no record is lost.
 */
@Configuration(proxyBeanMethods = false)
public class LeadgateKafkaConfiguration {

  /** The header carrying, in words, why a record was dead-lettered. */
  public static final String DLT_REASON_HEADER = "leadgate-dlt-reason";

  @Bean
  DefaultKafkaProducerFactoryCustomizer durableJsonProducers(JsonMapper jsonMapper) {
    return factory -> {
      factory.updateConfigs(durability());
      @SuppressWarnings({"unchecked", "rawtypes"})
      DefaultKafkaProducerFactory<String, Object> json = (DefaultKafkaProducerFactory) factory;
      json.setKeySerializer(new StringSerializer());
      json.setValueSerializer(new JacksonJsonSerializer<>(jsonMapper).noTypeInfo());
    };
  }

  @Bean
  DefaultErrorHandler deadLetteringErrorHandler(
      KafkaTemplate<Object, Object> jsonTemplate, KafkaProperties properties) {
    // Values that failed to deserialise arrive as raw bytes and are parked byte for byte; keys are
    // always strings.
    Map<String, Object> rawConfig = new LinkedHashMap<>(properties.buildProducerProperties());
    rawConfig.putAll(durability());
    KafkaTemplate<String, byte[]> rawTemplate =
        new KafkaTemplate<>(
            new DefaultKafkaProducerFactory<>(
                rawConfig, new StringSerializer(), new ByteArraySerializer()));
    Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
    templates.put(byte[].class, rawTemplate);
    templates.put(Object.class, jsonTemplate);
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            templates,
            (record, exception) -> new TopicPartition(record.topic() + ".DLT", record.partition()));
    // Java class names stay off the wire; the reason travels in words instead.
    recoverer.excludeHeader(
        DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EXCEPTION,
        DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_CAUSE,
        DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_MSG,
        DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_STACKTRACE);
    recoverer.setHeadersFunction(
        (record, exception) -> {
          var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
          headers.add(
              DLT_REASON_HEADER,
              DeadLetterReasons.describe(exception)
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8));
          return headers;
        });
    ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(3);
    backOff.setInitialInterval(200);
    backOff.setMultiplier(2.0);
    backOff.setMaxInterval(2_000);
    DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
    // Waiting for budget is not a failure: such records are retried for as long as it takes.
    handler.setBackOffFunction(
        (record, exception) -> {
          RetryLaterException later = retryLater(exception);
          return later == null
              ? null
              : new FixedBackOff(later.retryAfter().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS);
        });
    handler.addNotRetryableExceptions(PoisonRecordException.class, IllegalArgumentException.class);
    return handler;
  }

  private static RetryLaterException retryLater(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof RetryLaterException later) {
        return later;
      }
    }
    return null;
  }

  private static Map<String, Object> durability() {
    return Map.of(
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
  }
}
