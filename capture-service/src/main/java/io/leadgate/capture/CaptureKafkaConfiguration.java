package io.leadgate.capture;

import io.leadgate.contracts.LeadStatusChanged;
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
@EnableConfigurationProperties(CaptureProperties.class)
class CaptureKafkaConfiguration {

  @Bean
  KafkaAdmin.NewTopics captureTopics(@Value("${leadgate.kafka.replicas:1}") int replicas) {
    return TopicDeclarations.declare(
        replicas, List.of(Topics.LEADS_CAPTURED), List.of(Topics.LEADS_STATUS));
  }

  @Bean
  ConcurrentKafkaListenerContainerFactory<String, LeadStatusChanged> statusListenerFactory(
      KafkaListenerFactories factories) {
    return factories.forTopic(Topics.LEADS_STATUS, LeadStatusChanged.class);
  }
}
