package io.leadgate.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.leadgate.salesforce.EmulatedSalesforce.TestOrg;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whole-call failures arrive as the SalesforceException subtype that says what to do. */
class FailureContractTest {

  private static final CandidateQuery QUERY =
      new CandidateQuery(Set.of("ada@lovelace.example"), Set.of(), Set.of());
  private static final List<NewRecord> ONE_LEAD =
      List.of(new NewRecord("Lead", Map.of("LastName", "Hopper", "Company", "Navy")));

  private static EmulatedSalesforce salesforce;

  private TestOrg org;

  @BeforeAll
  static void startEmulator() {
    salesforce = EmulatedSalesforce.start();
  }

  @AfterAll
  static void stopEmulator() {
    salesforce.close();
  }

  @BeforeEach
  void newOrg() {
    org = salesforce.newOrg();
  }

  @Test
  void aSpentDailyLimitIsLimitExceeded() {
    try (SalesforceClient client = org.client()) {
      client.findCandidates(QUERY);
      org.org().updateLimits(3L, null, null);

      // The first query of the lookup is the third call and still admitted; the fourth is refused.
      assertThatThrownBy(() -> client.findCandidates(QUERY))
          .isInstanceOf(SalesforceException.LimitExceeded.class);
      assertThatThrownBy(() -> client.create(ONE_LEAD))
          .isInstanceOf(SalesforceException.LimitExceeded.class);
      assertThat(org.calls()).isEqualTo(3);
      assertThat(org.org().records("Lead")).isEmpty();
    }
  }

  @Test
  void usageFromOtherIntegrationsCanSpendTheLimitToo() {
    org.org().updateLimits(1_000L, 1_000L, null);
    try (SalesforceClient client = org.client()) {
      assertThatThrownBy(() -> client.findCandidates(QUERY))
          .isInstanceOf(SalesforceException.LimitExceeded.class);
      assertThat(org.calls()).isZero();
    }
  }

  @Test
  void aWrongClientSecretIsPermanentAndDoesNotLeakTheSecret() {
    String secret = "wr0ng-Secret-7f3a9c";
    SalesforceSettings d = org.settings();
    SalesforceSettings wrong = SalesforceSettings.of(d.orgId(), d.loginUrl(), d.clientId(), secret);
    try (SalesforceClient client = SalesforceClient.withClientCredentials(wrong, u -> {})) {
      assertThatThrownBy(() -> client.findCandidates(QUERY))
          .isInstanceOfSatisfying(
              SalesforceException.Permanent.class,
              e -> {
                assertThat(e.code()).isEqualTo("OAUTH_invalid_client");
                assertThat(fullTrace(e)).doesNotContain(secret);
              });
      assertThatThrownBy(() -> client.create(ONE_LEAD))
          .isInstanceOf(SalesforceException.Permanent.class);
    }
    assertThat(wrong.toString()).doesNotContain(secret);
    assertThat(org.calls()).isZero();
  }

  @Test
  void anUnknownClientIdIsPermanent() {
    SalesforceSettings d = org.settings();
    SalesforceSettings unknown =
        SalesforceSettings.of(d.orgId(), d.loginUrl(), "no-such-client", d.clientSecret());
    try (SalesforceClient client = SalesforceClient.withClientCredentials(unknown, u -> {})) {
      assertThatThrownBy(() -> client.findCandidates(QUERY))
          .isInstanceOfSatisfying(
              SalesforceException.Permanent.class,
              e -> {
                assertThat(e.code()).isEqualTo("OAUTH_invalid_client_id");
                assertThat(fullTrace(e)).doesNotContain(d.clientSecret());
              });
    }
  }

  @Test
  void anUnreachableLoginEndpointIsTransient() throws IOException {
    SalesforceSettings d = org.settings();
    SalesforceSettings unreachable =
        SalesforceSettings.of(
            d.orgId(),
            URI.create("http://127.0.0.1:" + closedPort()),
            d.clientId(),
            d.clientSecret());
    try (SalesforceClient client = SalesforceClient.withClientCredentials(unreachable, u -> {})) {
      assertThatThrownBy(() -> client.findCandidates(QUERY))
          .isInstanceOfSatisfying(
              SalesforceException.Transient.class,
              e -> assertThat(fullTrace(e)).doesNotContain(d.clientSecret()));
      assertThatThrownBy(() -> client.create(ONE_LEAD))
          .isInstanceOf(SalesforceException.Transient.class);
    }
  }

  @Test
  void anInstanceThatStopsAnsweringIsTransient() {
    EmulatedSalesforce dying = EmulatedSalesforce.start();
    TestOrg dyingOrg = dying.newOrg();
    try (SalesforceClient client = dyingOrg.client()) {
      client.findCandidates(QUERY);
      dying.close();

      assertThatThrownBy(() -> client.findCandidates(QUERY))
          .isInstanceOf(SalesforceException.Transient.class);
      assertThatThrownBy(() -> client.create(ONE_LEAD))
          .isInstanceOf(SalesforceException.Transient.class);
    } finally {
      dying.close();
    }
  }

  @Test
  void aLoginUrlThatIsNotSalesforceIsPermanent() throws IOException {
    // A wrong login URL, or a proxy in the way, answers with an HTML page instead of OAuth JSON.
    HttpServer notSalesforce = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    notSalesforce.createContext(
        "/",
        exchange -> {
          byte[] page = "<html><body>Not Found</body></html>".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html");
          exchange.sendResponseHeaders(404, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    notSalesforce.start();
    try {
      SalesforceSettings d = org.settings();
      URI elsewhere = URI.create("http://127.0.0.1:" + notSalesforce.getAddress().getPort());
      try (SalesforceClient client =
          SalesforceClient.withClientCredentials(
              SalesforceSettings.of(d.orgId(), elsewhere, d.clientId(), d.clientSecret()),
              u -> {})) {
        assertThatThrownBy(() -> client.findCandidates(QUERY))
            .isInstanceOfSatisfying(
                SalesforceException.Permanent.class,
                e -> assertThat(fullTrace(e)).doesNotContain(d.clientSecret()));
      }
    } finally {
      notSalesforce.stop(0);
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String fullTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
