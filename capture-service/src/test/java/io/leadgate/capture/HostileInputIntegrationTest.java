package io.leadgate.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadgate.testsupport.TestTenants;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The hostile-input corpus (src/test/resources/hostile, listed in cases.tsv) plus bodies too big to
 * keep as files: each gets a clear 4xx problem naming what is wrong, and the service stays healthy
 * and keeps capturing.
 */
@CaptureServiceTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIntegrationTest {

  @LocalServerPort int port;

  record Case(
      String name,
      String path,
      String contentType,
      Supplier<byte[]> body,
      boolean chunked,
      int status,
      String field) {
    @Override
    public String toString() {
      return name + " → " + status + (field.equals("-") ? "" : " " + field);
    }
  }

  static Stream<Case> corpus() throws IOException {
    List<Case> cases = new ArrayList<>();
    try (InputStream index =
        HostileInputIntegrationTest.class.getResourceAsStream("/hostile/cases.tsv")) {
      for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        cases.add(
            new Case(
                f[0] + " as " + f[2],
                f[1],
                f[2],
                () -> resource(f[0]),
                false,
                Integer.parseInt(f[3]),
                f[4]));
      }
    }
    String capture = "{\"lastName\":\"Lovelace\",\"email\":\"ada@lovelace.example\",\"title\":\"";
    cases.add(
        new Case(
            "1 MB declared body",
            "/api/v1/leads",
            "application/json",
            () -> (capture + "x".repeat(1 << 20) + "\"}").getBytes(StandardCharsets.UTF_8),
            false,
            413,
            "-"));
    cases.add(
        new Case(
            "1 MB chunked body",
            "/api/v1/leads",
            "application/json",
            () -> (capture + "x".repeat(1 << 20) + "\"}").getBytes(StandardCharsets.UTF_8),
            true,
            413,
            "-"));
    cases.add(
        new Case(
            "20 000 character field",
            "/api/v1/leads",
            "application/json",
            () ->
                ("{\"email\":\"a@b.example\",\"lastName\":\"" + "L".repeat(20_000) + "\"}")
                    .getBytes(StandardCharsets.UTF_8),
            false,
            413,
            "-"));
    cases.add(
        new Case(
            "5 000 character field",
            "/api/v1/leads",
            "application/json",
            () ->
                ("{\"email\":\"a@b.example\",\"lastName\":\"" + "L".repeat(5_000) + "\"}")
                    .getBytes(StandardCharsets.UTF_8),
            false,
            400,
            "lastName"));
    cases.add(
        new Case(
            "5 000 levels of nesting",
            "/api/v1/leads",
            "application/json",
            () ->
                ("{\"lastName\":\"L\",\"x\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}")
                    .getBytes(StandardCharsets.UTF_8),
            false,
            400,
            "*"));
    cases.add(
        new Case(
            "huge field name",
            "/api/v1/leads",
            "application/json",
            () ->
                ("{\"lastName\":\"L\",\"email\":\"a@b.example\",\"" + "k".repeat(10_000) + "\":1}")
                    .getBytes(StandardCharsets.UTF_8),
            false,
            400,
            "*"));
    return cases.stream();
  }

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void aHostileRequestGetsAClearProblemAndTheServiceStaysHealthy(Case hostile) {
    Api api = new Api(port);
    byte[] body = hostile.body().get();
    HttpRequest.Builder request =
        api.request(TestTenants.ACME_API_KEY, hostile.path())
            .header("Content-Type", hostile.contentType())
            .POST(
                hostile.chunked()
                    ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                    : HttpRequest.BodyPublishers.ofByteArray(body));

    HttpResponse<String> response = api.send(request.build());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(hostile.status());
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    JsonNode problem = Api.json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(hostile.status());
    assertThat(problem.get("title").asString()).isNotBlank();
    assertThat(problem.toString()).doesNotContain("Exception").doesNotContain("at io.");
    if (!hostile.field().equals("-")) {
      assertThat(problem.get("errors").isArray()).isTrue();
      List<String> fields = new ArrayList<>();
      problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
      assertThat(fields)
          .isNotEmpty()
          .allSatisfy(f -> assertThat(f.length()).isLessThanOrEqualTo(80));
      if (!hostile.field().equals("*")) {
        assertThat(fields).contains(hostile.field());
      }
    }
    assertThat(api.get(null, "/actuator/health").statusCode()).isEqualTo(200);
  }

  @Order(2)
  @Test
  void aBatchBodyOverItsLimitIsRefusedBeforeItIsRead() throws IOException {
    // Declares 5 MB and sends none of it: the answer must not wait for the body.
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/leads/batch HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                  + TestTenants.ACME_API_KEY
                  + "\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n\r\n{\"captures\":[")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String statusLine =
          new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      assertThat(statusLine).isEqualTo("HTTP/1.1 413");
    }
  }

  @Order(3)
  @Test
  void afterTheCorpusTheServiceStillCaptures() {
    Api api = new Api(port);
    HttpResponse<String> response =
        api.capture(
            TestTenants.ACME_API_KEY, Api.body(null, "after-" + UUID.randomUUID() + "@x.com"));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(api.get(null, "/actuator/health").body()).contains("\"status\":\"UP\"");
  }

  private static byte[] resource(String name) {
    try (InputStream in =
        HostileInputIntegrationTest.class.getResourceAsStream("/hostile/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
