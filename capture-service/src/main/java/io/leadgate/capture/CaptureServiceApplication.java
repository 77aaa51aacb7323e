package io.leadgate.capture;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The extension's door into Leadgate: accepts captures and serves their status.
 *
 * <p>The shared wiring is imported by {@link CaptureKafkaConfiguration}, not here, so that web
 * slice tests (which keep this class but skip other configuration classes) start without Kafka.
 */
@SpringBootApplication
public class CaptureServiceApplication {

  /** The service's configuration file: capture-service.yml, so four services can share a JVM. */
  public static final String CONFIG_NAME = "spring.config.name=capture-service";

  public static void main(String[] args) {
    new SpringApplicationBuilder(CaptureServiceApplication.class).properties(CONFIG_NAME).run(args);
  }
}
