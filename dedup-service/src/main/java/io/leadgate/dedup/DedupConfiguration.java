package io.leadgate.dedup;

import io.leadgate.contracts.LeadCaptured;
import io.leadgate.contracts.LeadStatusChanged;
import io.leadgate.contracts.Topics;
import io.leadgate.dedup.matching.FuzzyCandidates;
import io.leadgate.dedup.recent.RecentRecords;
import io.leadgate.service.budget.BudgetClient;
import io.leadgate.service.budget.BudgetLeaseProperties;
import io.leadgate.service.budget.LeadgateBudgetConfiguration;
import io.leadgate.service.kafka.BatchFetch;
import io.leadgate.service.kafka.KafkaListenerFactories;
import io.leadgate.service.kafka.TopicDeclarations;
import io.leadgate.service.salesforce.LeadgateSalesforceConfiguration;
import io.leadgate.service.tenant.Tenants;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DedupProperties.class, BatchProperties.class})
@Import({LeadgateSalesforceConfiguration.class, LeadgateBudgetConfiguration.class})
class DedupConfiguration {

  @Bean
  KafkaAdmin.NewTopics dedupTopics(@Value("${leadgate.kafka.replicas:1}") int replicas) {
    return TopicDeclarations.declare(
        replicas,
        List.of(Topics.LEADS_TO_CREATE, Topics.SALESFORCE_API_USAGE, Topics.OWNER_COLLISIONS),
        List.of(Topics.LEADS_CAPTURED, Topics.LEADS_CAPTURED_DEFERRED, Topics.LEADS_STATUS));
  }

  @Bean
  ConcurrentKafkaListenerContainerFactory<String, LeadCaptured> capturedListenerFactory(
      KafkaListenerFactories factories, BatchProperties batch) {
    return batchFactory(factories, Topics.LEADS_CAPTURED, batch);
  }

  /** The delay queue is read in batches as leads.captured is, so that due captures share calls. */
  @Bean
  ConcurrentKafkaListenerContainerFactory<String, LeadCaptured> capturedDeferredListenerFactory(
      KafkaListenerFactories factories, BatchProperties batch) {
    return batchFactory(factories, Topics.LEADS_CAPTURED_DEFERRED, batch);
  }

  private static ConcurrentKafkaListenerContainerFactory<String, LeadCaptured> batchFactory(
      KafkaListenerFactories factories, Topics.Topic topic, BatchProperties batch) {
    ConcurrentKafkaListenerContainerFactory<String, LeadCaptured> factory =
        factories.forTopic(
            topic,
            LeadCaptured.class,
            BatchFetch.consumerSettings(batch.maxSize(), batch.maxWait()));
    factory.setBatchListener(true);
    factory.setConcurrency(batch.concurrency());
    return factory;
  }

  @Bean
  ConcurrentKafkaListenerContainerFactory<String, LeadStatusChanged> statusFeedListenerFactory(
      KafkaListenerFactories factories) {
    // Answers to in-flight captures, which retry every 200 ms: 50 ms late costs them nothing, and
    // the broker then answers a fetch per 16 KB rather than per record.
    return KafkaListenerFactories.observing(
        factories.forTopic(
            Topics.LEADS_STATUS,
            LeadStatusChanged.class,
            BatchFetch.unhurried(16 * 1024, Duration.ofMillis(50))));
  }

  @Bean
  RecentRecords recentRecords(DedupProperties properties, Clock clock) {
    return new RecentRecords(properties.recentCapacity(), properties.recentTtl(), clock);
  }

  @Bean
  FuzzyCandidates fuzzyCandidates(DedupProperties properties, Clock clock) {
    return new FuzzyCandidates(properties.fuzzyCacheCapacity(), properties.fuzzyCacheTtl(), clock);
  }

  @Bean
  BudgetClient budgetClient(
      DedupProperties properties, BudgetLeaseProperties leases, Tenants tenants, Clock clock) {
    return new BudgetClient(
        properties.budgetServiceUrl(),
        tenants.serviceToken(),
        Duration.ofSeconds(5),
        leases.holding(),
        clock);
  }
}
