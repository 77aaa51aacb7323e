package io.leadgate.writer;

import io.leadgate.contracts.LeadCleared;
import io.leadgate.contracts.Topics;
import io.leadgate.salesforce.SalesforceClients;
import io.leadgate.salesforce.SalesforceSettings;
import io.leadgate.service.budget.BudgetClient;
import io.leadgate.service.budget.BudgetLeaseProperties;
import io.leadgate.service.budget.LeadgateBudgetConfiguration;
import io.leadgate.service.kafka.BatchFetch;
import io.leadgate.service.kafka.KafkaListenerFactories;
import io.leadgate.service.kafka.TopicDeclarations;
import io.leadgate.service.salesforce.LeadgateSalesforceConfiguration;
import io.leadgate.service.salesforce.SalesforceUsageReporter;
import io.leadgate.service.tenant.Tenants;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WriterProperties.class)
@Import({LeadgateSalesforceConfiguration.class, LeadgateBudgetConfiguration.class})
class WriterConfiguration {

  @Bean
  KafkaAdmin.NewTopics writerTopics(@Value("${leadgate.kafka.replicas:1}") int replicas) {
    return TopicDeclarations.declare(
        replicas,
        List.of(Topics.LEADS_STATUS, Topics.SALESFORCE_API_USAGE),
        List.of(Topics.LEADS_TO_CREATE, Topics.LEADS_TO_CREATE_DEFERRED));
  }

  @Bean
  ConcurrentKafkaListenerContainerFactory<String, LeadCleared> clearedListenerFactory(
      KafkaListenerFactories factories, WriterProperties properties) {
    return batchFactory(factories, Topics.LEADS_TO_CREATE, properties);
  }

  /** The delay queue is read in batches as leads.to-create is, so that due records share calls. */
  @Bean
  ConcurrentKafkaListenerContainerFactory<String, LeadCleared> clearedDeferredListenerFactory(
      KafkaListenerFactories factories, WriterProperties properties) {
    return batchFactory(factories, Topics.LEADS_TO_CREATE_DEFERRED, properties);
  }

  private static ConcurrentKafkaListenerContainerFactory<String, LeadCleared> batchFactory(
      KafkaListenerFactories factories, Topics.Topic topic, WriterProperties properties) {
    ConcurrentKafkaListenerContainerFactory<String, LeadCleared> factory =
        factories.forTopic(
            topic,
            LeadCleared.class,
            BatchFetch.consumerSettings(properties.batchSize(), properties.batchWait()));
    factory.setBatchListener(true);
    factory.setConcurrency(properties.concurrency());
    return factory;
  }

  /**
   * A client per tenant org, reporting the usage it observes on salesforce.api-usage, like the
   * shared one from LeadgateSalesforceConfiguration (still imported for what else it provides, e.g.
   * the readiness health indicator) but with the WSC timeouts from configuration: a create answered
   * after the read timeout is the ambiguous case the writer resolves by person key, and tests
   * provoke it with a short timeout. Primary, so the writer's code gets this one.
   */
  @Bean(destroyMethod = "close")
  @Primary
  SalesforceClients writerSalesforceClients(
      Tenants tenants,
      KafkaTemplate<String, Object> kafka,
      Clock clock,
      WriterProperties properties,
      @Value("${spring.application.name}") String source,
      MeterRegistry meters) {
    WriterProperties.SalesforceTimeouts timeouts = properties.salesforce();
    return new SalesforceClients(
        orgId ->
            tenants
                .byOrg(orgId)
                .map(
                    tenant -> {
                      SalesforceSettings d =
                          SalesforceSettings.of(
                              orgId,
                              tenant.salesforce().loginUrl(),
                              tenant.salesforce().clientId(),
                              tenant.salesforce().clientSecret());
                      return new SalesforceSettings(
                          d.orgId(),
                          d.loginUrl(),
                          d.clientId(),
                          d.clientSecret(),
                          timeouts.connectTimeout(),
                          timeouts.readTimeout(),
                          d.maxQueryChars(),
                          d.connections(),
                          properties.linkedinField(),
                          properties.personKeyField());
                    }),
        clock,
        new SalesforceUsageReporter(kafka, meters, source, clock));
  }

  @Bean
  BudgetClient budgetClient(
      WriterProperties properties, BudgetLeaseProperties leases, Tenants tenants, Clock clock) {
    return new BudgetClient(
        properties.budgetServiceUrl(),
        tenants.serviceToken(),
        Duration.ofSeconds(5),
        leases.holding(),
        clock);
  }
}
