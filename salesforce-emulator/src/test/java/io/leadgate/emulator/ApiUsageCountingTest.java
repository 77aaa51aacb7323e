package io.leadgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.fault.MalformedQueryFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every counted call is counted exactly once, and the 24-hour window rolls on the clock. */
class ApiUsageCountingTest {

  private EmulatorFixture fixture;
  private PartnerConnection conn;

  @BeforeEach
  void start() {
    fixture = new EmulatorFixture();
    conn = fixture.connect();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void nCountedOperationsGiveNCountedCallsEverywhere() throws ConnectionException {
    for (int i = 0; i < 250; i++) {
      fixture.org.seed("Lead", Map.of("LastName", "L" + i, "Company", "X"));
    }
    conn.setQueryOptions(200);
    long expected = 0;

    QueryResult page = conn.query("SELECT Id FROM Lead");
    expected++;
    assertHeader(expected);
    conn.queryMore(page.getQueryLocator());
    expected++;
    assertHeader(expected);
    SObject lead = new SObject("Lead");
    lead.setField("LastName", "New");
    lead.setField("Company", "X");
    conn.create(new SObject[] {lead, lead, lead}); // one call, however many records
    expected++;
    assertHeader(expected);
    conn.getUserInfo();
    expected++;
    assertHeader(expected);
    // A call that faults after admission still costs a request.
    catchThrowableOfType(MalformedQueryFault.class, () -> conn.query("SELECT FROM Lead"));
    expected++;
    conn.getUserInfo();
    expected++;
    assertHeader(expected);
    // login is not counted against API REQUESTS.
    ConnectorConfig loginCfg = new ConnectorConfig();
    loginCfg.setAuthEndpoint(fixture.emulator.soapEndpoint());
    loginCfg.setUsername("integration@test.example");
    loginCfg.setPassword("x");
    catchThrowableOfType(Exception.class, () -> new PartnerConnection(loginCfg));
    // Neither are the OAuth token endpoint and the admin API.
    fixture.token(fixture.org.clientId(), fixture.org.clientSecret());
    fixture.admin("GET", "/admin/orgs", null);

    assertThat(fixture.org.apiCallsInWindow()).isEqualTo(expected);
    Map<String, Object> usage = usage();
    assertThat(usage.get("callsInWindow")).isEqualTo((int) expected);
    assertThat(usage.get("limit")).isEqualTo(1000);
    assertThat(usage.get("byOperation"))
        .isEqualTo(Map.of("query", 2, "queryMore", 1, "create", 1, "getUserInfo", 2));
    conn.getUserInfo();
    assertHeader(expected + 1);
  }

  @Test
  void backgroundUsageIsAddedToTheReportedCurrent() throws ConnectionException {
    fixture.org.updateLimits(null, 400L, null);
    conn.getUserInfo();
    assertHeader(401);
    assertThat(fixture.org.apiCallsInWindow()).isEqualTo(1);
    assertThat(fixture.org.apiUsage().reportedUsage()).isEqualTo(401);
  }

  @Test
  void theWindowRollsAfter24SimulatedHours() throws ConnectionException {
    conn.getUserInfo();
    conn.getUserInfo();
    fixture.clock.advance(Duration.ofHours(1));
    conn.getUserInfo();
    assertHeader(3);

    fixture.clock.advance(Duration.ofHours(23).minusSeconds(1));
    assertThat(fixture.org.apiCallsInWindow()).isEqualTo(3);
    fixture.clock.advance(Duration.ofSeconds(1));
    assertThat(fixture.org.apiCallsInWindow()).as("the first two calls are 24 h old").isEqualTo(1);
    fixture.clock.advance(Duration.ofHours(1));
    assertThat(fixture.org.apiCallsInWindow()).isZero();
    assertThat(usage().get("callsInWindow")).isEqualTo(0);

    PartnerConnection fresh = fixture.connect();
    fresh.getUserInfo();
    assertThat(fresh.getLimitInfoHeader().getLimitInfo()[0].getCurrent()).isEqualTo(1);
  }

  @Test
  void restLimitsResourceReportsAndCountsItself() throws ConnectionException {
    conn.getUserInfo();
    String token =
        (String)
            fixture.token(fixture.org.clientId(), fixture.org.clientSecret()).get("access_token");

    HttpResponse<String> response = limits(token);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Sforce-Limit-Info")).contains("api-usage=2/1000");
    Map<String, Object> body = fixture.json.readValue(response.body(), Map.class);
    assertThat(body.get("DailyApiRequests")).isEqualTo(Map.of("Max", 1000, "Remaining", 998));
    assertThat(fixture.org.apiUsage().byOperation()).containsEntry("limits", 1L);

    fixture.org.updateLimits(2L, null, null);
    HttpResponse<String> refused = limits(token);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(fixture.json.readValue(refused.body(), List.class))
        .isEqualTo(
            List.of(
                Map.of(
                    "message",
                    "TotalRequests Limit exceeded.",
                    "errorCode",
                    "REQUEST_LIMIT_EXCEEDED")));
    assertThat(fixture.org.apiCallsInWindow()).isEqualTo(2);

    HttpResponse<String> unauthenticated = limits("00Dbogus!token");
    assertThat(unauthenticated.statusCode()).isEqualTo(401);
    assertThat(unauthenticated.body()).contains("INVALID_SESSION_ID");
  }

  @Test
  void callLogRecordsOutcomes() throws ConnectionException {
    conn.getUserInfo();
    catchThrowableOfType(MalformedQueryFault.class, () -> conn.query("SELECT"));
    fixture.org.updateLimits(2L, null, null);
    catchThrowableOfType(Exception.class, conn::getUserInfo);

    assertThat(fixture.org.callLog())
        .extracting(CallLogEntry::operation, CallLogEntry::counted, CallLogEntry::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("getUserInfo", true, "ok"),
            org.assertj.core.groups.Tuple.tuple("query", true, "MALFORMED_QUERY"),
            org.assertj.core.groups.Tuple.tuple("getUserInfo", false, "REQUEST_LIMIT_EXCEEDED"));
    HttpResponse<String> log =
        fixture.admin("GET", "/admin/orgs/" + fixture.org.orgId() + "/call-log", null);
    assertThat(log.body())
        .contains("\"outcome\":\"MALFORMED_QUERY\"")
        .contains("2025-03-01T09:00:00Z");
  }

  @Test
  void concurrentClientsAreCountedExactly() throws Exception {
    int threads = 4;
    int callsPerThread = 25;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int worker = t;
        results.add(
            pool.submit(
                () -> {
                  // PartnerConnection is not thread-safe: one per thread, sharing the org.
                  PartnerConnection own = fixture.connect();
                  for (int i = 0; i < callsPerThread; i++) {
                    SObject lead = new SObject("Lead");
                    lead.setField("LastName", "W" + worker + "-" + i);
                    lead.setField("Company", "X");
                    lead.setField("Leadgate_Person_Key__c", "key-" + (i % 5));
                    own.create(new SObject[] {lead});
                  }
                  return callsPerThread;
                }));
      }
      for (java.util.concurrent.Future<Integer> result : results) {
        assertThat(result.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(callsPerThread);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fixture.org.apiCallsInWindow()).isEqualTo(threads * callsPerThread);
    // The unique key admits exactly one record per value however the creates interleave.
    assertThat(fixture.org.records("Lead")).hasSize(5);
  }

  private HttpResponse<String> limits(String token) {
    return fixture.send(
        HttpRequest.newBuilder(
                URI.create(fixture.emulator.baseUrl() + "/services/data/v65.0/limits"))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build());
  }

  private Map<String, Object> usage() {
    HttpResponse<String> response =
        fixture.admin("GET", "/admin/orgs/" + fixture.org.orgId15() + "/api-usage", null);
    assertThat(response.statusCode()).isEqualTo(200);
    return fixture.json.readValue(response.body(), Map.class);
  }

  private void assertHeader(long expected) {
    var info = conn.getLimitInfoHeader().getLimitInfo()[0];
    assertThat(info.getCurrent()).isEqualTo(expected);
    assertThat(info.getCurrent()).isEqualTo(fixture.org.apiUsage().reportedUsage());
  }
}
