package io.leadgate.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.leadgate.contracts.Topics;
import io.leadgate.service.observability.CaptureTraces;
import io.leadgate.testsupport.TestTenants;
import io.leadgate.testsupport.TopicReader;
import io.leadgate.testsupport.WithKafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * One trace per lead, end to end: the trace id capture-service answers with is the one on the
 * lead's LeadCaptured record, on dedup's LeadCleared record, on every status of the lead up to the
 * writer's CREATED, and in the MDC of dedup's and writer's log lines about the lead. Three leads
 * captured at once, likely checked and created in shared batches, keep three distinct traces: a
 * batch listener must not hand one record's trace to the others.
 */
@WithKafkaBroker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TraceFollowsLead {

  private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

  /** A Java class name, such as {@code io.leadgate.contracts.LeadCaptured}. */
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z][A-Za-z0-9_$]*\\b");

  private final double samplingProbability;
  private LeadgateStack stack;
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  /**
   * @param samplingProbability the services' sampling: every trace recorded, or none (records of an
   *     unsampled trace carry it in their headers without a producer observation), and the trace
   *     must follow the lead either way
   */
  TraceFollowsLead(double samplingProbability) {
    this.samplingProbability = samplingProbability;
  }

  @BeforeAll
  void startStack() {
    stack =
        LeadgateStack.start(
            List.of("management.tracing.sampling.probability=" + samplingProbability));
  }

  @AfterAll
  void stopStack() {
    stack.close();
  }

  @Test
  void eachLeadKeepsItsTraceIdFromTheRequestThroughDedupToTheWritersStatus() throws Exception {
    Queue<Line> lines = new ConcurrentLinkedQueue<>();
    Logger logger = (Logger) LoggerFactory.getLogger(CaptureTraces.class);
    Level level = logger.getLevel();
    AppenderBase<ILoggingEvent> appender =
        new AppenderBase<>() {
          @Override
          protected void append(ILoggingEvent event) {
            // The MDC is read now, on the logging thread.
            lines.add(
                new Line(event.getFormattedMessage(), event.getMDCPropertyMap().get("traceId")));
          }
        };
    appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.DEBUG);
    try {
      Map<String, String> traceByCapture = captureThreeLeadsAtOnce();
      assertThat(traceByCapture.values()).allMatch(t -> TRACE_ID.matcher(t).matches());
      assertThat(traceByCapture.values()).doesNotHaveDuplicates();

      for (String captureId : traceByCapture.keySet()) {
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> state(captureId), "CREATED"::equals);
      }

      Map<String, List<ConsumerRecord<String, String>>> records = new LinkedHashMap<>();
      for (String topic :
          List.of(
              Topics.LEADS_CAPTURED.name(),
              Topics.LEADS_TO_CREATE.name(),
              Topics.LEADS_STATUS.name())) {
        records.put(topic, TopicReader.readAll(topic));
      }
      traceByCapture.forEach(
          (captureId, traceId) -> {
            assertThat(tracesOf(records.get(Topics.LEADS_CAPTURED.name()), captureId))
                .as("LeadCaptured of %s", captureId)
                .containsExactly(traceId);
            assertThat(tracesOf(records.get(Topics.LEADS_TO_CREATE.name()), captureId))
                .as("LeadCleared of %s", captureId)
                .containsExactly(traceId);
            List<ConsumerRecord<String, String>> statuses =
                about(records.get(Topics.LEADS_STATUS.name()), captureId);
            assertThat(statuses.stream().map(this::state))
                .as("states of %s", captureId)
                .contains("RECEIVED", "CHECKING", "CREATED");
            assertThat(statuses.stream().map(TraceFollowsLead::traceOf))
                .as("traces of the statuses of %s", captureId)
                .containsOnly(traceId);
            await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(
                    () ->
                        assertThat(lines)
                            .filteredOn(line -> line.message().contains(captureId))
                            .as("log lines about %s", captureId)
                            .anyMatch(line -> line.message().startsWith("dedup-captured:"))
                            .anyMatch(line -> line.message().startsWith("writer-to-create:"))
                            .allMatch(line -> traceId.equals(line.traceId())));
          });

      List<Header> headers = new ArrayList<>();
      records.values().stream()
          .flatMap(List::stream)
          .filter(r -> traceByCapture.keySet().stream().anyMatch(id -> r.value().contains(id)))
          .forEach(r -> r.headers().forEach(headers::add));
      assertThat(headers).extracting(Header::key).contains("traceparent");
      assertThat(headers)
          .allSatisfy(
              header -> {
                assertThat(CLASS_NAME.matcher(header.key()).find()).isFalse();
                assertThat(CLASS_NAME.matcher(text(header)).find())
                    .as("header %s: %s", header.key(), text(header))
                    .isFalse();
              });
    } finally {
      logger.detachAppender(appender);
      logger.setLevel(level);
      appender.stop();
    }
  }

  /** Captures three people in three concurrent requests; their capture ids and trace ids. */
  private Map<String, String> captureThreeLeadsAtOnce() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (String name : List.of("Hopper", "Hamilton", "Johnson")) {
      String body =
          "{\"firstName\":\"Trace\",\"lastName\":\""
              + name
              + "\",\"email\":\""
              + name.toLowerCase()
              + "-"
              + run
              + "@trace.example\",\"company\":\"Tracing Ltd\"}";
      responses.add(
          http.sendAsync(
              HttpRequest.newBuilder(URI.create(stack.captureUrl() + "/api/v1/leads"))
                  .header("Authorization", "Bearer " + TestTenants.ACME_API_KEY)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    Map<String, String> traceByCapture = new LinkedHashMap<>();
    for (CompletableFuture<HttpResponse<String>> pending : responses) {
      HttpResponse<String> response = pending.join();
      assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
      traceByCapture.put(
          json.readTree(response.body()).get("captureId").asString(),
          response.headers().firstValue("X-Trace-Id").orElseThrow());
    }
    return traceByCapture;
  }

  private String state(String captureId) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(stack.captureUrl() + "/api/v1/leads/" + captureId))
                .header("Authorization", "Bearer " + TestTenants.ACME_API_KEY)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200
        ? json.readTree(response.body()).get("state").asString()
        : null;
  }

  private List<ConsumerRecord<String, String>> about(
      List<ConsumerRecord<String, String>> records, String captureId) {
    return records.stream()
        .filter(r -> r.value() != null)
        .filter(r -> captureId.equals(json.readTree(r.value()).path("captureId").asString(null)))
        .toList();
  }

  private List<String> tracesOf(List<ConsumerRecord<String, String>> records, String captureId) {
    return about(records, captureId).stream().map(TraceFollowsLead::traceOf).toList();
  }

  private String state(ConsumerRecord<String, String> status) {
    return json.readTree(status.value()).get("state").asString();
  }

  /** The trace id of a W3C {@code traceparent}: version-traceid-spanid-flags. */
  private static String traceOf(ConsumerRecord<String, String> record) {
    Header traceparent = record.headers().lastHeader("traceparent");
    assertThat(traceparent).as("traceparent of %s", record.value()).isNotNull();
    return text(traceparent).split("-")[1];
  }

  private static String text(Header header) {
    return header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
  }

  private record Line(String message, String traceId) {}
}
