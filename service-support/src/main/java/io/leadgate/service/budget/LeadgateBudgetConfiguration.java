package io.leadgate.service.budget;

import io.leadgate.contracts.BudgetStatusChanged;
import io.leadgate.contracts.Topics;
import io.leadgate.service.kafka.KafkaListenerFactories;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

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

  /**
   * budget.status belongs to budget-service, which parks what it cannot read: an unreadable record
   * is skipped and logged here, never dead-lettered twice.
   */
  @Bean
  ConcurrentKafkaListenerContainerFactory<String, BudgetStatusChanged> budgetModeListenerFactory(
      KafkaListenerFactories factories) {
    ConcurrentKafkaListenerContainerFactory<String, BudgetStatusChanged> factory =
        factories.forTopic(Topics.BUDGET_STATUS, BudgetStatusChanged.class);
    factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(0, 0)));
    return KafkaListenerFactories.observing(factory);
  }
}
