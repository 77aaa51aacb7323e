package io.leadgate.service.salesforce;

import io.leadgate.salesforce.SalesforceClients;
import io.leadgate.salesforce.SalesforceSettings;
import io.leadgate.service.tenant.Tenants;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * For services that call Salesforce (import it): a client per tenant org, each reporting the org
 * usage it observes on salesforce.api-usage for budget-service.
 */
@Configuration(proxyBeanMethods = false)
public class LeadgateSalesforceConfiguration {

  /** Named {@code salesforce} in /actuator/health, for the readiness group of dedup and writer. */
  @Bean
  SalesforceHealthIndicator salesforceHealthIndicator(
      Tenants tenants, @Value("${leadgate.health.timeout:3s}") Duration timeout) {
    return new SalesforceHealthIndicator(tenants, timeout);
  }

  @Bean(destroyMethod = "close")
  SalesforceClients salesforceClients(
      Tenants tenants,
      KafkaTemplate<String, Object> kafka,
      Clock clock,
      @Value("${spring.application.name}") String source,
      MeterRegistry meters) {
    return new SalesforceClients(
        orgId ->
            tenants
                .byOrg(orgId)
                .map(
                    tenant ->
                        SalesforceSettings.of(
                            orgId,
                            tenant.salesforce().loginUrl(),
                            tenant.salesforce().clientId(),
                            tenant.salesforce().clientSecret())),
        clock,
        new SalesforceUsageReporter(kafka, meters, source, clock));
  }
}
