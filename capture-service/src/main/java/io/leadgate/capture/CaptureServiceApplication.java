package io.leadgate.capture;

import io.leadgate.service.LeadgateServiceConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** The extension's door into Leadgate: accepts captures and serves their status. */
@SpringBootApplication
@Import(LeadgateServiceConfiguration.class)
public class CaptureServiceApplication {

  /** The service's configuration file: capture-service.yml, so four services can share a JVM. */
  public static final String CONFIG_NAME = "spring.config.name=capture-service";

  public static void main(String[] args) {
    new SpringApplicationBuilder(CaptureServiceApplication.class).properties(CONFIG_NAME).run(args);
  }
}
