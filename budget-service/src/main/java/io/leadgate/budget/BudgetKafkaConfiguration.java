package io.leadgate.budget;

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
  KafkaAdmin.NewTopics budgetTopics(@Value("${leadgate.kafka.replicas:1}") int replicas) {
    return TopicDeclarations.declare(
        replicas, List.of(Topics.BUDGET_STATUS), List.of(Topics.SALESFORCE_API_USAGE));
  }

  @Bean
  ConcurrentKafkaListenerContainerFactory<String, SalesforceApiUsageObserved>
      apiUsageListenerFactory(KafkaListenerFactories factories) {
    return factories.forTopic(Topics.SALESFORCE_API_USAGE, SalesforceApiUsageObserved.class);
  }
}
