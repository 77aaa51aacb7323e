package io.leadgate.budget;

import io.leadgate.budget.dashboard.Dashboard;
import io.leadgate.budget.dashboard.DashboardProperties;
import io.leadgate.budget.dashboard.DashboardTickets;
import io.leadgate.budget.leads.LeadMeters;
import io.leadgate.budget.store.StateRecord;
import io.leadgate.contracts.BudgetSettingsChanged;
import io.leadgate.contracts.BudgetStatusChanged;
import io.leadgate.contracts.LeadStatusChanged;
import io.leadgate.contracts.SalesforceApiUsageObserved;
import io.leadgate.contracts.Topics;
import io.leadgate.service.kafka.BatchFetch;
import io.leadgate.service.kafka.KafkaListenerFactories;
import io.leadgate.service.kafka.TopicDeclarations;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({BudgetProperties.class, DashboardProperties.class})
class BudgetKafkaConfiguration {

  @Bean
  KafkaAdmin.NewTopics budgetTopics(
      @Value("${leadgate.kafka.replicas:1}") int replicas, BudgetProperties properties) {
    // Internal: only budget-service reads them, so they are defined here, not in lead-contracts.
    // One partition each: low volume, and the whole topic is read at start anyway.
    Topics.Topic settings =
        new Topics.Topic(properties.settingsTopic(), 1, true, BudgetSettingsChanged.class);
    Topics.Topic state = new Topics.Topic(properties.stateTopic(), 1, true, StateRecord.class);
    return TopicDeclarations.declare(
        replicas,
        // leads.status is only read here (metrics, dashboard); declared so that those consumers
        // find it even when budget-service starts before the services that write it.
        List.of(Topics.BUDGET_STATUS, Topics.BUDGET_AUDIT, Topics.LEADS_STATUS, settings, state),
        List.of(Topics.SALESFORCE_API_USAGE));
  }

  @Bean
  ConcurrentKafkaListenerContainerFactory<String, SalesforceApiUsageObserved>
      apiUsageListenerFactory(KafkaListenerFactories factories) {
    return factories.forTopic(Topics.SALESFORCE_API_USAGE, SalesforceApiUsageObserved.class);
  }

  /** Counts each decision once: one group shared by every replica. */
  @Bean
  ConcurrentKafkaListenerContainerFactory<String, LeadStatusChanged> leadMetricsListenerFactory(
      KafkaListenerFactories factories) {
    return KafkaListenerFactories.readOnly(
        factories.forTopic(Topics.LEADS_STATUS, LeadStatusChanged.class, statusReading()));
  }

  /** The dashboard reads both compacted topics whole: the deferred backlog needs every capture. */
  @Bean
  ConcurrentKafkaListenerContainerFactory<String, LeadStatusChanged> dashboardLeadsListenerFactory(
      KafkaListenerFactories factories) {
    return KafkaListenerFactories.readOnly(
        factories.forTopic(Topics.LEADS_STATUS, LeadStatusChanged.class, statusReading()));
  }

  /**
   * leads.status carries several records per capture; its readers here feed meters and a dashboard
   * pushed every second, so the broker answers their fetches per 64 KB or 500 ms rather than per
   * record.
   */
  private static Map<String, Object> statusReading() {
    Map<String, Object> settings =
        new HashMap<>(BatchFetch.unhurried(64 * 1024, Duration.ofMillis(500)));
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return settings;
  }

  @Bean
  ConcurrentKafkaListenerContainerFactory<String, BudgetStatusChanged>
      dashboardBudgetListenerFactory(KafkaListenerFactories factories) {
    return KafkaListenerFactories.readOnly(
        factories.forTopic(
            Topics.BUDGET_STATUS,
            BudgetStatusChanged.class,
            Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")));
  }

  @Bean
  LeadMeters leadMeters(MeterRegistry registry) {
    return new LeadMeters(registry, 100_000);
  }

  @Bean
  Dashboard dashboard(DashboardProperties properties) {
    return new Dashboard(properties.window(), properties.duplicates());
  }

  @Bean
  DashboardTickets dashboardTickets(DashboardProperties properties, Clock clock) {
    return new DashboardTickets(clock, properties.ticketTtl());
  }
}
