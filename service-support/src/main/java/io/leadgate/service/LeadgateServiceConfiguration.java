package io.leadgate.service;

import io.leadgate.service.json.LeadgateJsonConfiguration;
import io.leadgate.service.kafka.KafkaListenerFactories;
import io.leadgate.service.kafka.LeadgateKafkaConfiguration;
import io.leadgate.service.observability.LeadgateObservabilityConfiguration;
import io.leadgate.service.tenant.TenantProperties;
import io.leadgate.service.tenant.Tenants;
import io.leadgate.service.web.BearerAuthenticationFilter;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every Leadgate service imports: tenants, authentication, JSON and Kafka wiring and a clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TenantProperties.class)
@Import({
  LeadgateJsonConfiguration.class,
  LeadgateKafkaConfiguration.class,
  LeadgateObservabilityConfiguration.class
})
public class LeadgateServiceConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Tenants tenants(TenantProperties properties) {
    return new Tenants(properties);
  }

  @Bean
  FilterRegistrationBean<BearerAuthenticationFilter> bearerAuthentication(
      Tenants tenants, JsonMapper jsonMapper) {
    FilterRegistrationBean<BearerAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new BearerAuthenticationFilter(tenants, jsonMapper));
    registration.addUrlPatterns("/api/*");
    return registration;
  }

  @Bean
  KafkaListenerFactories kafkaListenerFactories(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
      KafkaProperties properties,
      JsonMapper jsonMapper,
      ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> customizers) {
    return new KafkaListenerFactories(
        configurer, properties, jsonMapper, customizers.orderedStream().toList());
  }
}
