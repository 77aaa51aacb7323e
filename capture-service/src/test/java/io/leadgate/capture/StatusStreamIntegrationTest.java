package io.leadgate.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadgate.testsupport.TestTenants;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@CaptureServiceTest
class StatusStreamIntegrationTest {

  @LocalServerPort int port;
  private Api api;
  private final List<Stream<String>> open = new ArrayList<>();

  @BeforeEach
  void client() {
    api = new Api(port);
  }

  @AfterEach
  void close() {
    open.forEach(Stream::close);
  }

  @Test
  void theTeamSeesItsStatusChangesLiveAndResumesWithoutLosingAny() {
    Events acme = connect(TestTenants.ACME_API_KEY, null);
    Events globex = connect(TestTenants.GLOBEX_API_KEY, null);

    String first = capture();
    Event firstEvent = acme.awaitFor(first);
    assertThat(firstEvent.name()).isEqualTo("status");
    assertThat(firstEvent.data()).contains("\"state\":\"RECEIVED\"").doesNotContain("orgId");

    // Disconnected while a capture is made...
    acme.close();
    String missed = capture();
    String second = capture();

    // ...the resumed stream replays what changed since the last event seen, then goes live.
    Events resumed = connect(TestTenants.ACME_API_KEY, firstEvent.id());
    resumed.awaitFor(missed);
    resumed.awaitFor(second);
    String live = capture();
    resumed.awaitFor(live);
    assertThat(resumed.events()).noneMatch(e -> e.data().contains(first));

    // Another team hears nothing of it.
    assertThat(globex.events()).noneMatch(e -> e.data().contains(first) || e.data().contains(live));
  }

  @Test
  void anIdThisServiceNeverWroteIsRefused() {
    HttpResponse<String> response =
        api.send(
            api.request(TestTenants.ACME_API_KEY, "/api/v1/leads/stream")
                .header("Last-Event-ID", "<script>")
                .build());

    assertThat(response.statusCode()).isEqualTo(400);
  }

  private String capture() {
    HttpResponse<String> response =
        api.capture(
            TestTenants.ACME_API_KEY, Api.body(null, "sse-" + UUID.randomUUID() + "@x.com"));
    assertThat(response.statusCode()).isEqualTo(202);
    return Api.json(response).get("captureId").asString();
  }

  record Event(String id, String name, String data) {}

  /** A stream being read in the background into a list of events. */
  final class Events {
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Stream<String> lines;

    Events(Stream<String> lines) {
      this.lines = lines;
      Thread reader =
          new Thread(
              () -> {
                String[] current = new String[3];
                try {
                  lines.forEach(
                      line -> {
                        if (line.isEmpty()) {
                          if (current[2] != null) {
                            events.add(new Event(current[0], current[1], current[2]));
                          }
                          current[0] = current[1] = current[2] = null;
                        } else if (line.startsWith("id:")) {
                          current[0] = line.substring(3).trim();
                        } else if (line.startsWith("event:")) {
                          current[1] = line.substring(6).trim();
                        } else if (line.startsWith("data:")) {
                          current[2] = line.substring(5).trim();
                        }
                      });
                } catch (RuntimeException closed) {
                  // the test closed the stream
                }
              },
              "sse-reader");
      reader.setDaemon(true);
      reader.start();
    }

    Event awaitFor(String captureId) {
      return await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  events.stream()
                      .filter(e -> e.data().contains(captureId))
                      .findFirst()
                      .orElse(null),
              e -> e != null);
    }

    List<Event> events() {
      return events;
    }

    void close() {
      lines.close();
    }
  }

  private Events connect(String key, String lastEventId) {
    HttpRequest.Builder request =
        api.request(key, "/api/v1/leads/stream").header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    try {
      HttpResponse<Stream<String>> response =
          api.http()
              .sendAsync(
                  request.timeout(Duration.ofMinutes(5)).build(),
                  HttpResponse.BodyHandlers.ofLines())
              .get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      open.add(response.body());
      return new Events(response.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
