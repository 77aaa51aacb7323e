package io.leadgate.writer;

import io.leadgate.contracts.LeadCleared;
import io.leadgate.contracts.Topics;
import io.leadgate.service.budget.BudgetClient;
import io.leadgate.service.kafka.KafkaListenerFactories;
import io.leadgate.service.kafka.TopicDeclarations;
import io.leadgate.service.salesforce.LeadgateSalesforceConfiguration;
import io.leadgate.service.tenant.Tenants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WriterProperties.class)
@Import(LeadgateSalesforceConfiguration.class)
class WriterConfiguration {

  @Bean
  KafkaAdmin.NewTopics writerTopics(@Value("${leadgate.kafka.replicas:1}") int replicas) {
    return TopicDeclarations.declare(
        replicas,
        List.of(Topics.LEADS_STATUS, Topics.SALESFORCE_API_USAGE),
        List.of(Topics.LEADS_TO_CREATE));
  }

  @Bean
  ConcurrentKafkaListenerContainerFactory<String, LeadCleared> clearedListenerFactory(
      KafkaListenerFactories factories, WriterProperties properties) {
    ConcurrentKafkaListenerContainerFactory<String, LeadCleared> factory =
        factories.forTopic(
            Topics.LEADS_TO_CREATE,
            LeadCleared.class,
            Map.of(
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                properties.batchSize(),
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG,
                properties.batchSize() * 400,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                (int) properties.batchWait().toMillis()));
    factory.setBatchListener(true);
    return factory;
  }

  @Bean
  BudgetClient budgetClient(WriterProperties properties, Tenants tenants) {
    return new BudgetClient(
        properties.budgetServiceUrl(), tenants.serviceToken(), Duration.ofSeconds(5));
  }
}
