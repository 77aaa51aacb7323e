package io.leadgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fault injection and session expiry, seen through the real WSC client. */
class FaultInjectionTest {

  private EmulatorFixture fixture;
  private EmulatedOrg org;

  @BeforeEach
  void start() {
    fixture = new EmulatorFixture();
    org = fixture.org;
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private PartnerConnection connect(int readTimeoutMillis) throws ConnectionException {
    ConnectorConfig cfg = new ConnectorConfig();
    cfg.setSessionId(org.openSession());
    cfg.setServiceEndpoint(fixture.emulator.soapEndpoint());
    cfg.setConnectionTimeout(5_000);
    cfg.setReadTimeout(readTimeoutMillis);
    return Connector.newConnection(cfg);
  }

  private static SObject lead(String lastName) {
    SObject lead = new SObject("Lead");
    lead.setField("LastName", lastName);
    lead.setField("Company", "Acme");
    return lead;
  }

  private List<String> outcomes() {
    return org.callLog().stream().map(CallLogEntry::outcome).toList();
  }

  @Test
  void commitThenTimeoutAppliesTheWriteButTheClientTimesOut() throws ConnectionException {
    org.setFaults(FaultSpec.none().withCommitThenTimeout(1.0, Duration.ofSeconds(5)));
    PartnerConnection conn = connect(1_000);

    Throwable thrown = catchThrowable(() -> conn.create(new SObject[] {lead("Late")}));

    assertThat(thrown).isInstanceOf(ConnectionException.class);
    assertThat(thrown).rootCause().isInstanceOf(SocketTimeoutException.class);
    assertThat(org.records("Lead")).extracting(r -> r.get("LastName")).containsExactly("Late");
    assertThat(org.apiCallsInWindow()).isEqualTo(1);
    assertThat(outcomes()).containsExactly("COMMIT_THEN_TIMEOUT");
  }

  @Test
  void commitThenTimeoutLeavesReadsAlone() throws ConnectionException {
    org.setFaults(FaultSpec.none().withCommitThenTimeout(1.0, Duration.ofSeconds(5)));
    PartnerConnection conn = connect(1_000);

    assertThat(conn.query("SELECT Id FROM Lead").getSize()).isZero();
  }

  @Test
  void http503IsAnErrorAndNeitherExecutesNorCounts() throws ConnectionException {
    org.setFaults(FaultSpec.none().withHttp5xxRate(1.0));
    PartnerConnection conn = connect(5_000);

    Throwable thrown = catchThrowable(() -> conn.create(new SObject[] {lead("Never")}));

    assertThat(thrown).isInstanceOf(ConnectionException.class);
    assertThat(org.records("Lead")).isEmpty();
    assertThat(org.apiCallsInWindow()).isZero();
    assertThat(outcomes()).containsExactly("HTTP_503");
  }

  @Test
  void droppedConnectionIsAnErrorAndNothingIsWritten() throws ConnectionException {
    org.setFaults(FaultSpec.none().withDropConnectionRate(1.0));
    PartnerConnection conn = connect(5_000);

    Throwable thrown = catchThrowable(() -> conn.create(new SObject[] {lead("Never")}));

    assertThat(thrown).isInstanceOf(ConnectionException.class);
    assertThat(org.records("Lead")).isEmpty();
    assertThat(org.apiCallsInWindow()).isZero();
    // The JDK client may resend an unanswered POST once.
    assertThat(outcomes()).isNotEmpty().allMatch("CONNECTION_DROPPED"::equals);
  }

  @Test
  void faultsCanBeScopedToOperations() throws ConnectionException {
    org.setFaults(FaultSpec.none().withHttp5xxRate(1.0).withOperations(Set.of("create")));
    PartnerConnection conn = connect(5_000);

    assertThat(conn.query("SELECT Id FROM Lead").getSize()).isZero();
    assertThat(catchThrowable(() -> conn.create(new SObject[] {lead("X")})))
        .isInstanceOf(ConnectionException.class);

    org.clearFaults();
    SaveResult[] saved = conn.create(new SObject[] {lead("X")});
    assertThat(saved[0].isSuccess()).isTrue();
  }

  @Test
  void seededDrawsAreRepeatable() throws ConnectionException {
    PartnerConnection conn = connect(5_000);
    FaultSpec spec = FaultSpec.none().withHttp5xxRate(0.5).withSeed(7);

    List<Boolean> first = run(conn, spec);
    List<Boolean> second = run(conn, spec);

    assertThat(first).isEqualTo(second).contains(true, false);

    org.setFaults(spec, new SplittableRandom(7));
    List<Boolean> injected = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      injected.add(succeeds(conn));
    }
    assertThat(injected).isEqualTo(first);
  }

  private List<Boolean> run(PartnerConnection conn, FaultSpec spec) {
    org.setFaults(spec);
    List<Boolean> results = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      results.add(succeeds(conn));
    }
    return results;
  }

  private static boolean succeeds(PartnerConnection conn) {
    try {
      conn.getUserInfo();
      return true;
    } catch (ConnectionException e) {
      return false;
    }
  }

  @Test
  void fixedLatencyDelaysTheAnswer() throws ConnectionException {
    org.setFaults(FaultSpec.none().withLatency(Duration.ofMillis(300)));
    PartnerConnection conn = connect(5_000);

    long started = System.nanoTime();
    conn.getUserInfo();
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
  }

  @Test
  void adminApiSetsReadsAndClearsFaults() throws ConnectionException {
    String path = "/admin/orgs/" + org.orgId() + "/faults";
    HttpResponse<String> put =
        fixture.admin(
            "PUT",
            path,
            "{\"latencyMinMs\":0,\"latencyMaxMs\":20,\"http5xxRate\":1.0,"
                + "\"dropConnectionRate\":0.0,\"commitThenTimeoutRate\":0.25,"
                + "\"commitThenTimeoutDelayMs\":65000,\"operations\":[\"query\"],\"seed\":42}");
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(org.faults())
        .isEqualTo(
            FaultSpec.none()
                .withLatency(Duration.ZERO, Duration.ofMillis(20))
                .withHttp5xxRate(1.0)
                .withCommitThenTimeout(0.25, Duration.ofSeconds(65))
                .withOperations(Set.of("query"))
                .withSeed(42));
    PartnerConnection conn = connect(5_000);
    assertThat(catchThrowable(() -> conn.query("SELECT Id FROM Lead")))
        .isInstanceOf(ConnectionException.class);
    assertThat(fixture.json.readValue(fixture.admin("GET", path, null).body(), Map.class))
        .containsEntry("http5xxRate", 1.0)
        .containsEntry("latencyMaxMs", 20)
        .containsEntry("operations", List.of("query"));

    assertThat(fixture.admin("PUT", path, "{\"http5xxRate\":2}").statusCode()).isEqualTo(400);
    assertThat(fixture.admin("PUT", path, "{\"latency\":2}").statusCode()).isEqualTo(400);
    assertThat(fixture.admin("DELETE", path, null).statusCode()).isEqualTo(204);
    assertThat(org.faults()).isEqualTo(FaultSpec.none());
    assertThat(conn.query("SELECT Id FROM Lead").getSize()).isZero();
  }

  @Test
  void expiringSessionsInvalidatesLiveTokensAtOnce() throws ConnectionException {
    PartnerConnection viaJava = fixture.connect();
    PartnerConnection viaAdmin = fixture.connect();
    viaJava.getUserInfo();

    org.expireSessions();

    UnexpectedErrorFault fault =
        catchThrowableOfType(UnexpectedErrorFault.class, viaJava::getUserInfo);
    assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_SESSION_ID);
    assertThat(fault.getExceptionMessage()).contains("Illegal Session");
    assertThat(catchThrowable(viaAdmin::getUserInfo)).isInstanceOf(UnexpectedErrorFault.class);

    PartnerConnection fresh = fixture.connect();
    fresh.getUserInfo();
    HttpResponse<String> expire =
        fixture.admin("PUT", "/admin/orgs/" + org.orgId() + "/sessions/expire", null);
    assertThat(expire.statusCode()).isEqualTo(204);
    assertThat(catchThrowable(fresh::getUserInfo)).isInstanceOf(UnexpectedErrorFault.class);
  }
}
