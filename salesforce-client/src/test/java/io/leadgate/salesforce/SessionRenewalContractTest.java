package io.leadgate.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadgate.salesforce.EmulatedSalesforce.CountingTokenSource;
import io.leadgate.salesforce.EmulatedSalesforce.TestOrg;
import io.leadgate.salesforce.auth.AccessToken;
import io.leadgate.salesforce.auth.ClientCredentialsTokenSource;
import io.leadgate.salesforce.auth.TokenSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An expired session is renewed once, transparently, and the renewed session is kept. */
class SessionRenewalContractTest {

  private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(15);

  private static EmulatedSalesforce salesforce;

  private TestOrg org;
  private String ada;
  private CountingTokenSource tokens;
  private final List<ApiUsage> heard = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startEmulator() {
    salesforce = EmulatedSalesforce.start(IDLE_TIMEOUT);
  }

  @AfterAll
  static void stopEmulator() {
    salesforce.close();
  }

  @BeforeEach
  void newOrg() {
    org = salesforce.newOrg();
    ada =
        org.seed(
            "Lead",
            Map.of("LastName", "Lovelace", "Company", "AE", "Email", "ada@lovelace.example"));
    tokens = new CountingTokenSource(org.tokenSource());
  }

  @Test
  void aQueryAfterTheSessionExpiredRenewsItOnceAndKeepsTheNewOne() {
    CandidateQuery query = new CandidateQuery(Set.of("ada@lovelace.example"), Set.of(), Set.of());
    try (SalesforceClient client = new SalesforceClient(org.settings(), tokens, heard::add)) {
      assertThat(ids(client.findCandidates(query))).containsExactly(ada);
      assertThat(tokens.fetches()).isEqualTo(1);

      salesforce.advanceClock(IDLE_TIMEOUT.plusMinutes(1));
      CandidateResult renewed = client.findCandidates(query);

      assertThat(ids(renewed)).containsExactly(ada);
      assertThat(renewed.calls()).isEqualTo(2);
      assertThat(tokens.fetches()).as("one renewal").isEqualTo(2);

      // A connection that kept sending the expired id would need yet another token here.
      assertThat(ids(client.findCandidates(query))).containsExactly(ada);
      assertThat(tokens.fetches()).isEqualTo(2);
      // Refused calls with the expired session are not counted; the six that ran are.
      assertThat(org.calls()).isEqualTo(6);
      assertThat(heard).hasSize(6);
    }
  }

  @Test
  void aCreateAfterTheSessionExpiredIsRenewedAndSavesOnce() {
    try (SalesforceClient client = new SalesforceClient(org.settings(), tokens, heard::add)) {
      client.findCandidates(new CandidateQuery(Set.of("x@y.example"), Set.of(), Set.of()));
      salesforce.advanceClock(IDLE_TIMEOUT.plusSeconds(1));

      List<CreateOutcome> outcomes =
          client.create(
              List.of(new NewRecord("Lead", Map.of("LastName", "Hopper", "Company", "N"))));

      assertThat(outcomes).singleElement().isInstanceOf(CreateOutcome.Created.class);
      assertThat(tokens.fetches()).isEqualTo(2);
      assertThat(org.org().records("Lead")).hasSize(2);
      assertThat(
              client.create(
                  List.of(new NewRecord("Lead", Map.of("LastName", "B", "Company", "N")))))
          .singleElement()
          .isInstanceOf(CreateOutcome.Created.class);
      assertThat(tokens.fetches()).isEqualTo(2);
    }
  }

  @Test
  void aSessionInUseDoesNotExpire() {
    CandidateQuery query = new CandidateQuery(Set.of("ada@lovelace.example"), Set.of(), Set.of());
    try (SalesforceClient client = new SalesforceClient(org.settings(), tokens, heard::add)) {
      for (int i = 0; i < 4; i++) {
        client.findCandidates(query);
        salesforce.advanceClock(IDLE_TIMEOUT.minusMinutes(1));
      }
      assertThat(tokens.fetches()).isEqualTo(1);
    }
  }

  @Test
  void aRenewalRefusedByTheTokenEndpointIsPermanentNotTransient() {
    // The connected app's secret was rotated while the client kept running: the first token
    // was issued, the renewal is refused.
    SalesforceSettings s = org.settings();
    TokenSource rotated =
        new TokenSource() {
          private final AtomicInteger fetches = new AtomicInteger();

          @Override
          public AccessToken fetch() {
            String secret = fetches.incrementAndGet() == 1 ? s.clientSecret() : "rotated-away";
            return new ClientCredentialsTokenSource(
                    s.loginUrl(), s.clientId(), secret, s.connectTimeout())
                .fetch();
          }
        };
    CandidateQuery query = new CandidateQuery(Set.of("ada@lovelace.example"), Set.of(), Set.of());
    try (SalesforceClient client = new SalesforceClient(s, rotated, heard::add)) {
      client.findCandidates(query);
      salesforce.advanceClock(IDLE_TIMEOUT.plusMinutes(1));

      assertThatThrownBy(() -> client.findCandidates(query))
          .isInstanceOfSatisfying(
              SalesforceException.Permanent.class,
              e -> assertThat(e.code()).isEqualTo("OAUTH_invalid_client"));
    }
  }

  private static List<String> ids(CandidateResult result) {
    return result.candidates().stream().map(Candidate::id).toList();
  }
}
