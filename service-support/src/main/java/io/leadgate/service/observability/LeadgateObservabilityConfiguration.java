package io.leadgate.service.observability;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Health every service shares. The contributor is named {@code kafka} (from the bean name), so a
 * service's readiness group can include it: {@code
 * management.endpoint.health.group.readiness.include=readinessState,kafka}.
 */
@Configuration(proxyBeanMethods = false)
public class LeadgateObservabilityConfiguration {

  @Bean
  KafkaHealthIndicator kafkaHealthIndicator(
      KafkaAdmin kafkaAdmin, @Value("${leadgate.health.timeout:3s}") Duration timeout) {
    return new KafkaHealthIndicator(kafkaAdmin.getConfigurationProperties(), timeout);
  }
}
