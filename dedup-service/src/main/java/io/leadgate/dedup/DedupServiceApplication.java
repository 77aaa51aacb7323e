package io.leadgate.dedup;

import io.leadgate.service.LeadgateServiceConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** Checks each captured person against the org's Leads and Contacts, in batches. */
@SpringBootApplication
@Import(LeadgateServiceConfiguration.class)
public class DedupServiceApplication {

  /** The service's configuration file: dedup-service.yml, so four services can share a JVM. */
  public static final String CONFIG_NAME = "spring.config.name=dedup-service";

  public static void main(String[] args) {
    new SpringApplicationBuilder(DedupServiceApplication.class).properties(CONFIG_NAME).run(args);
  }
}
