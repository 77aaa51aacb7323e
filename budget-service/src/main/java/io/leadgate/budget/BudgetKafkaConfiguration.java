package io.leadgate.budget;

import io.leadgate.budget.store.StateRecord;
import io.leadgate.contracts.BudgetSettingsChanged;
import io.leadgate.contracts.SalesforceApiUsageObserved;
import io.leadgate.contracts.Topics;
import io.leadgate.service.kafka.KafkaListenerFactories;
import io.leadgate.service.kafka.TopicDeclarations;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BudgetProperties.class)
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
        List.of(Topics.BUDGET_STATUS, Topics.BUDGET_AUDIT, settings, state),
        List.of(Topics.SALESFORCE_API_USAGE));
  }

  @Bean
  ConcurrentKafkaListenerContainerFactory<String, SalesforceApiUsageObserved>
      apiUsageListenerFactory(KafkaListenerFactories factories) {
    return factories.forTopic(Topics.SALESFORCE_API_USAGE, SalesforceApiUsageObserved.class);
  }
}
