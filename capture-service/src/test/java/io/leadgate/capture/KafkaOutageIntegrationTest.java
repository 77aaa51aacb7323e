package io.leadgate.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadgate.contracts.Topics;
import io.leadgate.testsupport.KafkaBroker;
import io.leadgate.testsupport.TestTenants;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Kafka that does not acknowledge: the shared broker keeps running (other tests use it), but
 * leads.captured is deleted, so the producer's writes meet a retriable "unknown partition" error,
 * exactly as when the cluster is unreachable, and it keeps retrying. After the client's 503 the
 * topic is recreated: a producer still retrying then would deliver the capture "later, by
 * surprise"; this test proves it does not. (Raising min.insync.replicas above the replication
 * factor does not refuse writes on this Kafka version, hence the deletion.)
 */
@CaptureServiceTest
class KafkaOutageIntegrationTest {

  @LocalServerPort int port;

  @Test
  void whenKafkaDoesNotAcknowledgeTheClientGets503AndNothingIsPublishedLater() throws Exception {
    Api api = new Api(port);
    UUID captureId = UUID.randomUUID();
    String capture = Api.body(captureId, "outage-" + captureId + "@x.com");
    // Warm: the producer holds leads.captured's metadata, as a running service does.
    assertThat(
            api.capture(TestTenants.ACME_API_KEY, Api.body(null, "warm-" + captureId + "@x.com"))
                .statusCode())
        .isEqualTo(202);
    HttpResponse<String> refused;
    long tookMillis;
    try (Admin admin =
        Admin.create(
            Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()))) {
      admin.deleteTopics(List.of(CAPTURED)).all().get();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> !admin.listTopics().names().get().contains(CAPTURED));
      try {
        long start = System.nanoTime();
        refused = api.capture(TestTenants.ACME_API_KEY, capture);
        tookMillis = (System.nanoTime() - start) / 1_000_000;
      } finally {
        recreate(admin);
      }
    }

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(tookMillis).isLessThan(CaptureServiceTest.ACK_TIMEOUT_MILLIS + 1_000);

    // Kafka accepts writes again; a retry loop still holding the capture would deliver it now.
    // Each check reads both topics whole, which takes seconds on a busy machine: the bound is
    // generous, the 3 s during which nothing may appear is what proves the point.
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                Api.recordsOf(CAPTURED, captureId.toString()).isEmpty()
                    && Api.recordsOf(Topics.LEADS_STATUS.name(), captureId.toString()).isEmpty());
    assertThat(api.get(TestTenants.ACME_API_KEY, "/api/v1/leads/" + captureId).statusCode())
        .isEqualTo(404);

    // The client's retry is then the one and only capture.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> api.capture(TestTenants.ACME_API_KEY, capture).statusCode() == 202);
    assertThat(Api.recordsOf(CAPTURED, captureId.toString())).hasSize(1);
  }

  private static final String CAPTURED = Topics.LEADS_CAPTURED.name();

  private static void recreate(Admin admin) {
    // Deletion completes asynchronously; creation is refused until it has.
    await()
        .atMost(Duration.ofSeconds(20))
        .ignoreExceptions()
        .until(
            () -> {
              // As TopicDeclarations declares it: the topic's one definition in Topics.
              admin
                  .createTopics(
                      List.of(
                          new NewTopic(CAPTURED, Topics.LEADS_CAPTURED.partitions(), (short) 1)))
                  .all()
                  .get();
              return true;
            });
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                admin
                    .describeTopics(List.of(CAPTURED))
                    .allTopicNames()
                    .get()
                    .get(CAPTURED)
                    .partitions()
                    .stream()
                    .allMatch(p -> p.leader() != null));
  }
}
