package io.leadgate.writer;

import io.leadgate.service.LeadgateServiceConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** Creates each cleared person in Salesforce, in batches of up to 200 records per call. */
@SpringBootApplication
@Import(LeadgateServiceConfiguration.class)
public class WriterServiceApplication {

  /** The service's configuration file: writer-service.yml, so four services can share a JVM. */
  public static final String CONFIG_NAME = "spring.config.name=writer-service";

  public static void main(String[] args) {
    new SpringApplicationBuilder(WriterServiceApplication.class).properties(CONFIG_NAME).run(args);
  }
}
