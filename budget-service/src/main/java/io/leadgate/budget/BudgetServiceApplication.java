package io.leadgate.budget;

import io.leadgate.service.LeadgateServiceConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Grants Salesforce API allowances so that each org stays under its admin-set cap. */
@SpringBootApplication
@EnableScheduling
@Import(LeadgateServiceConfiguration.class)
public class BudgetServiceApplication {

  /** The service's configuration file: budget-service.yml, so four services can share a JVM. */
  public static final String CONFIG_NAME = "spring.config.name=budget-service";

  public static void main(String[] args) {
    new SpringApplicationBuilder(BudgetServiceApplication.class).properties(CONFIG_NAME).run(args);
  }
}
