package io.leadgate.capture;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.leadgate.capture.status.StatusFeed;
import io.leadgate.contracts.Topics;
import io.leadgate.testsupport.KafkaBroker;
import io.leadgate.testsupport.TestTenants;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second replica, started after captures were made (so it also stands for a restarted gateway):
 * it rebuilds the view from leads.status before it serves, answers retries of the first replica's
 * captures exactly as the first would, and finds a capture the first accepted a moment ago.
 */
@CaptureServiceTest
class ReplicaIntegrationTest {

  @LocalServerPort int port;

  @Test
  void anotherReplicaKnowsEveryCaptureAndAnswersRetriesTheSame() {
    // Tests silence the Kafka client below ERROR; its end-offsets warnings are heard here.
    Logger offsets =
        (Logger)
            LoggerFactory.getLogger(
                "org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils");
    ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    warnings.start();
    Level silenced = offsets.getLevel();
    offsets.setLevel(Level.WARN);
    offsets.addAppender(warnings);
    try {
      replicaKnowsEveryCaptureAndAnswersRetriesTheSame();
    } finally {
      offsets.detachAppender(warnings);
      offsets.setLevel(silenced);
    }
    // Each catch-up asked for end offsets; the asking consumer must hold the partitions it asks
    // about, or the client warns once per partition and answer (hundreds a second under load).
    assertThat(warnings.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(message -> message.contains("Not updating high watermark"));
  }

  private void replicaKnowsEveryCaptureAndAnswersRetriesTheSame() {
    Api first = new Api(port);
    UUID early = UUID.randomUUID();
    String earlyCapture = Api.body(early, "early-" + early + "@x.com");
    HttpResponse<String> original = first.capture(TestTenants.ACME_API_KEY, earlyCapture);
    assertThat(original.statusCode()).isEqualTo(202);

    try (ConfigurableApplicationContext second = startReplica()) {
      Api replica =
          new Api(second.getEnvironment().getRequiredProperty("local.server.port", Integer.class));

      // Rebuilt on start: known before any catch-up question is asked.
      assertThat(replica.get(null, "/actuator/health/readiness").statusCode()).isEqualTo(200);
      assertThat(replica.get(TestTenants.ACME_API_KEY, "/api/v1/leads/" + early).statusCode())
          .isEqualTo(200);
      HttpResponse<String> retry = replica.capture(TestTenants.ACME_API_KEY, earlyCapture);
      assertThat(retry.statusCode()).isEqualTo(202);
      assertThat(Api.json(retry)).isEqualTo(Api.json(original));

      // Read-your-writes across replicas: the replica's consumer is made slow to hear of new
      // records, so only catching up with the topic's end finds this capture at once.
      UUID late = UUID.randomUUID();
      String lateCapture = Api.body(late, "late-" + late + "@x.com");
      assertThat(first.capture(TestTenants.ACME_API_KEY, lateCapture).statusCode()).isEqualTo(202);
      HttpResponse<String> status = replica.get(TestTenants.ACME_API_KEY, "/api/v1/leads/" + late);
      assertThat(status.statusCode()).isEqualTo(200);
      assertThat(replica.capture(TestTenants.ACME_API_KEY, lateCapture).statusCode())
          .isEqualTo(202);

      assertThat(Api.recordsOf(Topics.LEADS_CAPTURED.name(), early.toString())).hasSize(1);
      assertThat(Api.recordsOf(Topics.LEADS_CAPTURED.name(), late.toString())).hasSize(1);

      // A catch-up waits only for the partitions holding the asked ids: captures just accepted
      // by the first replica in every partition of leads.status, retried on the (slow) replica
      // in one batch, are each found, answered the same and not written again.
      List<UUID> spread = idsInEveryPartition();
      StringBuilder batch = new StringBuilder("{\"captures\":[");
      for (UUID id : spread) {
        String capture = Api.body(id, "spread-" + id + "@x.com");
        assertThat(first.capture(TestTenants.ACME_API_KEY, capture).statusCode()).isEqualTo(202);
        batch.append(batch.length() > 13 ? "," : "").append(capture);
      }
      HttpResponse<String> retried =
          replica.post(
              TestTenants.ACME_API_KEY,
              "/api/v1/leads/batch",
              "application/json",
              batch.append("]}").toString());
      assertThat(retried.statusCode()).isEqualTo(200);
      assertThat(Api.json(retried).get("accepted").asInt()).isEqualTo(spread.size());
      for (UUID id : spread) {
        assertThat(Api.recordsOf(Topics.LEADS_CAPTURED.name(), id.toString())).hasSize(1);
        // The rule the per-partition catch-up relies on: Kafka put the status where
        // StatusFeed.partitionOf says.
        assertThat(Api.recordsOf(Topics.LEADS_STATUS.name(), id.toString()))
            .singleElement()
            .satisfies(
                r ->
                    assertThat(r.partition())
                        .isEqualTo(
                            StatusFeed.partitionOf(
                                id.toString(), Topics.LEADS_STATUS.partitions())));
      }
    }
  }

  /** Random capture ids, at least one for each partition of leads.status. */
  private static List<UUID> idsInEveryPartition() {
    Map<Integer, UUID> byPartition = new TreeMap<>();
    while (byPartition.size() < Topics.LEADS_STATUS.partitions()) {
      UUID id = UUID.randomUUID();
      byPartition.putIfAbsent(
          StatusFeed.partitionOf(id.toString(), Topics.LEADS_STATUS.partitions()), id);
    }
    return List.copyOf(byPartition.values());
  }

  private static ConfigurableApplicationContext startReplica() {
    return new SpringApplicationBuilder(CaptureServiceApplication.class)
        .properties(CaptureServiceApplication.CONFIG_NAME)
        .run(
            "--" + TestTenants.CONFIG_IMPORT,
            "--server.port=0",
            "--spring.kafka.bootstrap-servers=" + KafkaBroker.bootstrapServers(),
            "--" + CaptureServiceTest.ACK_TIMEOUT,
            // A fetch waits up to 1.5 s for 1 MB: new records reach this replica late on purpose.
            "--spring.kafka.consumer.fetch-min-size=1MB",
            "--leadgate.capture.status-fetch-max-wait=1500ms",
            "--leadgate.capture.read-your-writes-wait=5s");
  }
}
