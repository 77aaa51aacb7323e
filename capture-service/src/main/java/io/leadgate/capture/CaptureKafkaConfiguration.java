package io.leadgate.capture;

import io.leadgate.contracts.Topics;
import io.leadgate.service.LeadgateServiceConfiguration;
import io.leadgate.service.kafka.TopicDeclarations;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaptureProperties.class)
@Import(LeadgateServiceConfiguration.class)
class CaptureKafkaConfiguration {

  /**
   * leads.status is declared as produced, not consumed: the status view reads it with a plain
   * consumer and skips an unreadable record (it is a view, the record stays in the topic), so it
   * has no dead-letter topic.
   */
  @Bean
  KafkaAdmin.NewTopics captureTopics(@Value("${leadgate.kafka.replicas:1}") int replicas) {
    return TopicDeclarations.declare(
        replicas, List.of(Topics.LEADS_CAPTURED, Topics.LEADS_STATUS), List.of());
  }

  @Bean
  ProducerTimeouts producerTimeouts(
      CaptureProperties properties,
      @Value("${spring.kafka.producer.properties.linger.ms:5}") long lingerMs) {
    return ProducerTimeouts.forAckTimeout(properties.ackTimeout(), lingerMs);
  }

  @Bean
  DefaultKafkaProducerFactoryCustomizer captureProducerTimeouts(ProducerTimeouts timeouts) {
    return factory -> {
      factory.updateConfigs(timeouts.asConfig());
      // Checked here rather than trusted: a later change to linger must not silently break the
      // "producer gives up before the client hears 503" ordering.
      Object linger = factory.getConfigurationProperties().get(ProducerConfig.LINGER_MS_CONFIG);
      if (linger != null
          && Long.parseLong(linger.toString()) + timeouts.requestTimeout().toMillis()
              > timeouts.delivery().toMillis()) {
        throw new IllegalStateException("linger.ms too long for the capture ack timeout");
      }
    };
  }
}
