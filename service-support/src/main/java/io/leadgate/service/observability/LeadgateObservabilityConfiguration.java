package io.leadgate.service.observability;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;

/**
 * Health and tracing every service shares. The health contributor is named {@code kafka} (from the
 * bean name), so a service's readiness group can include it: {@code
 * management.endpoint.health.group.readiness.include=readinessState,kafka}.
 */
@Configuration(proxyBeanMethods = false)
public class LeadgateObservabilityConfiguration {

  /** Right after Spring's server observation filter (highest precedence + 1), inside its span. */
  private static final int TRACE_ID_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

  @Bean
  KafkaHealthIndicator kafkaHealthIndicator(
      KafkaAdmin kafkaAdmin, @Value("${leadgate.health.timeout:3s}") Duration timeout) {
    return new KafkaHealthIndicator(kafkaAdmin.getConfigurationProperties(), timeout);
  }

  @Bean
  CaptureTraces captureTraces(ObjectProvider<ObservationRegistry> registry) {
    return new CaptureTraces(registry.getIfAvailable(() -> ObservationRegistry.NOOP));
  }

  @Bean
  TracedKafkaSender tracedKafkaSender(
      KafkaTemplate<String, Object> kafka,
      ProducerListener<Object, Object> listener,
      ObjectProvider<Tracer> tracer,
      ObjectProvider<Propagator> propagator) {
    return new TracedKafkaSender(
        kafka,
        listener,
        tracer.getIfAvailable(() -> Tracer.NOOP),
        propagator.getIfAvailable(() -> Propagator.NOOP));
  }

  @Bean
  FilterRegistrationBean<TraceIdHeaderFilter> traceIdHeader(ObjectProvider<Tracer> tracer) {
    FilterRegistrationBean<TraceIdHeaderFilter> registration =
        new FilterRegistrationBean<>(
            new TraceIdHeaderFilter(tracer.getIfAvailable(() -> Tracer.NOOP)));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(TRACE_ID_FILTER_ORDER);
    return registration;
  }
}
