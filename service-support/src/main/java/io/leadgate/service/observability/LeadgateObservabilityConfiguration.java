package io.leadgate.service.observability;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.kafka.core.KafkaAdmin;

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
  FilterRegistrationBean<TraceIdHeaderFilter> traceIdHeader(ObjectProvider<Tracer> tracer) {
    FilterRegistrationBean<TraceIdHeaderFilter> registration =
        new FilterRegistrationBean<>(
            new TraceIdHeaderFilter(tracer.getIfAvailable(() -> Tracer.NOOP)));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(TRACE_ID_FILTER_ORDER);
    return registration;
  }
}
