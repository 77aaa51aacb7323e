package io.leadgate.salesforce;

import io.leadgate.emulator.EmulatedOrg;
import io.leadgate.emulator.EmulatorClock;
import io.leadgate.emulator.EmulatorConfig;
import io.leadgate.emulator.OrgSpec;
import io.leadgate.emulator.SalesforceEmulator;
import io.leadgate.emulator.UserSpec;
import io.leadgate.salesforce.auth.ClientCredentialsTokenSource;
import io.leadgate.salesforce.auth.TokenSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An embedded Salesforce org emulator on a free port, with a clock that stands still until a test
 * moves it. Each test takes a fresh org from it, so call counts never leak between tests.
 */
final class EmulatedSalesforce implements AutoCloseable {

  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  static final String OWNER_NAME = "Jane Roe";
  static final String OWNER_EMAIL = "jane.roe@acme.example";

  private static final AtomicInteger ORGS = new AtomicInteger();

  final SalesforceEmulator emulator;

  private EmulatedSalesforce(SalesforceEmulator emulator) {
    this.emulator = emulator;
  }

  static EmulatedSalesforce start() {
    return start(EmulatorConfig.defaults().sessionIdleTimeout());
  }

  static EmulatedSalesforce start(Duration sessionIdleTimeout) {
    return new EmulatedSalesforce(
        SalesforceEmulator.start(
            EmulatorConfig.defaults()
                .withPort(0)
                .withClock(EmulatorClock.fixed(START))
                .withSessionIdleTimeout(sessionIdleTimeout)));
  }

  /** A new org with an integration user and a sales rep who owns the seeded records. */
  TestOrg newOrg() {
    int n = ORGS.incrementAndGet();
    String orgId = String.format("00D%08dTEST", n);
    String clientId = "leadgate-client-" + n;
    String secret = "s3cr3t-" + n + "-do-not-log";
    EmulatedOrg org =
        emulator.createOrg(
            OrgSpec.of("Test Org " + n, clientId, secret)
                .withOrgId(orgId)
                .withUsers(
                    List.of(
                        UserSpec.integration("Leadgate", "Integration", "integration@acme.example"),
                        UserSpec.of("Jane", "Roe", OWNER_EMAIL))));
    String ownerId =
        org.records("User").stream()
            .filter(u -> OWNER_EMAIL.equals(u.get("Email")))
            .map(u -> (String) u.get("Id"))
            .findFirst()
            .orElseThrow();
    return new TestOrg(this, org, ownerId);
  }

  void advanceClock(Duration amount) {
    emulator.advanceClock(amount);
  }

  @Override
  public void close() {
    emulator.close();
  }

  /** One emulated org and how to build clients for it. */
  record TestOrg(EmulatedSalesforce salesforce, EmulatedOrg org, String ownerId) {

    SalesforceSettings settings() {
      return SalesforceSettings.of(
          org.orgId(), salesforce.emulator.baseUrl(), org.clientId(), org.clientSecret());
    }

    /** The default settings with another statement budget and pool size. */
    SalesforceSettings settings(int maxQueryChars, int connections) {
      SalesforceSettings d = settings();
      return new SalesforceSettings(
          d.orgId(),
          d.loginUrl(),
          d.clientId(),
          d.clientSecret(),
          d.connectTimeout(),
          d.readTimeout(),
          maxQueryChars,
          connections,
          d.linkedinField(),
          d.personKeyField());
    }

    SalesforceClient client() {
      return client(usage -> {});
    }

    SalesforceClient client(Consumer<ApiUsage> usage) {
      return SalesforceClient.withClientCredentials(settings(), usage);
    }

    TokenSource tokenSource() {
      SalesforceSettings s = settings();
      return new ClientCredentialsTokenSource(
          s.loginUrl(), s.clientId(), s.clientSecret(), s.connectTimeout());
    }

    /** Seeds a record owned by the sales rep, returning its 18-character id. */
    String seed(String type, Map<String, Object> fields) {
      Map<String, Object> owned = new java.util.HashMap<>(fields);
      owned.putIfAbsent("OwnerId", ownerId);
      return org.seed(type, owned);
    }

    long calls() {
      return org.apiCallsInWindow();
    }
  }

  /** Counts the tokens a client fetches, so tests can see exactly when it renews its session. */
  static final class CountingTokenSource implements TokenSource {
    private final TokenSource delegate;
    private final AtomicInteger fetches = new AtomicInteger();

    CountingTokenSource(TokenSource delegate) {
      this.delegate = delegate;
    }

    @Override
    public io.leadgate.salesforce.auth.AccessToken fetch() {
      fetches.incrementAndGet();
      return delegate.fetch();
    }

    int fetches() {
      return fetches.get();
    }
  }
}
