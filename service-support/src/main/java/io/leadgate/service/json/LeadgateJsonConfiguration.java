package io.leadgate.service.json;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The JSON every service reads and writes, on HTTP and Kafka alike: Boot's mapper, and ours. */
@Configuration(proxyBeanMethods = false)
public class LeadgateJsonConfiguration {

  @Bean
  JsonMapperBuilderCustomizer isoInstants() {
    return builder -> builder.addModule(new IsoInstantModule());
  }
}
