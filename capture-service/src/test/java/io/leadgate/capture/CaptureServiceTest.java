package io.leadgate.capture;

import io.leadgate.testsupport.TestTenants;
import io.leadgate.testsupport.WithKafkaBroker;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service on the shared real broker. Every integration test class uses exactly this
 * configuration, so they share one cached Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WithKafkaBroker
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      CaptureServiceApplication.CONFIG_NAME,
      TestTenants.CONFIG_IMPORT,
      CaptureServiceTest.ACK_TIMEOUT,
      // Tests send bursts from one key; the limiter's rule is proven by its own tests.
      "leadgate.capture.rate-limit.capacity=100000",
      "leadgate.capture.rate-limit.per-second=100000"
    })
public @interface CaptureServiceTest {

  /**
   * The production default: the Kafka-outage test waits this long at most, and a shorter timeout
   * makes a loaded build machine look like an outage.
   */
  long ACK_TIMEOUT_MILLIS = 10_000;

  String ACK_TIMEOUT = "leadgate.capture.ack-timeout=" + ACK_TIMEOUT_MILLIS + "ms";
}
