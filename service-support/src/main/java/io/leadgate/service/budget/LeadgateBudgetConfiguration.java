package io.leadgate.service.budget;

import io.leadgate.contracts.BudgetStatusChanged;
import io.leadgate.contracts.Topics;
import io.leadgate.service.kafka.KafkaListenerFactories;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/**
 * For services that spend allowances (import it, and define a {@link BudgetClient} bean): the lease
 * holding settings and the listener that ends held leases when an org leaves BLUE.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BudgetLeaseProperties.class)
public class LeadgateBudgetConfiguration {

  @Bean
  BudgetModeListener budgetModeListener(BudgetClient budget) {
    return new BudgetModeListener(budget);
  }

  /** budget.status belongs to budget-service: this listener only observes it. */
  @Bean
  ConcurrentKafkaListenerContainerFactory<String, BudgetStatusChanged> budgetModeListenerFactory(
      KafkaListenerFactories factories) {
    return KafkaListenerFactories.readOnly(
        factories.forTopic(Topics.BUDGET_STATUS, BudgetStatusChanged.class));
  }
}
