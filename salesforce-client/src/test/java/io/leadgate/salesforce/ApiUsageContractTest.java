package io.leadgate.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadgate.emulator.CallLogEntry;
import io.leadgate.salesforce.EmulatedSalesforce.TestOrg;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The usage listener hears the org's LimitInfoHeader after every successful call. */
class ApiUsageContractTest {

  private static final CandidateQuery QUERY =
      new CandidateQuery(Set.of("ada@lovelace.example"), Set.of(), Set.of("+1 555 0100"));

  private static EmulatedSalesforce salesforce;

  private TestOrg org;
  private final List<ApiUsage> heard = new CopyOnWriteArrayList<>();

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
    org.seed(
        "Lead", Map.of("LastName", "Lovelace", "Company", "AE", "Email", "ada@lovelace.example"));
  }

  @Test
  void everySuccessfulCallReportsTheOrgsUsageAndLimit() {
    org.org().updateLimits(5_000L, null, null);
    try (SalesforceClient client = org.client(heard::add)) {
      client.findCandidates(QUERY);
      assertThat(heard).hasSize(2);
      assertThat(heard.get(1).used()).isEqualTo(org.calls());
      assertThat(heard.get(1).limit()).isEqualTo(5_000);

      client.create(List.of(new NewRecord("Lead", Map.of("LastName", "Hopper", "Company", "N"))));
      client.findCandidates(QUERY);

      assertThat(heard).hasSize(5);
      assertThat(heard).extracting(ApiUsage::used).containsExactly(1L, 2L, 3L, 4L, 5L);
      assertThat(heard).extracting(ApiUsage::limit).containsOnly(5_000L);
      assertThat(heard).extracting(ApiUsage::orgId).containsOnly(org.org().orgId());
      assertThat(heard.get(4).used()).isEqualTo(org.calls());
    }
  }

  @Test
  void everyReadingCarriesWhenItsRequestLeftOnTheGivenClockNoLaterThanSalesforceCounted() {
    Clock clock = salesforce.emulator.clock();
    Instant first = clock.instant();
    try (SalesforceClient client =
        SalesforceClient.withClientCredentials(org.settings(), clock, heard::add)) {
      client.findCandidates(QUERY);
      salesforce.advanceClock(Duration.ofSeconds(7));
      client.findCandidates(QUERY);
    }

    assertThat(heard)
        .extracting(ApiUsage::requestedAt)
        .containsExactly(first, first, first.plusSeconds(7), first.plusSeconds(7));
    List<CallLogEntry> counted =
        org.org().callLog().stream().filter(CallLogEntry::counted).toList();
    assertThat(counted).hasSameSizeAs(heard);
    for (int i = 0; i < heard.size(); i++) {
      assertThat(heard.get(i).requestedAt()).isBeforeOrEqualTo(counted.get(i).timestamp());
    }
  }

  @Test
  void usageIncludesOtherIntegrationsCalls() {
    org.org().updateLimits(15_000L, 1_200L, null);
    try (SalesforceClient client = org.client(heard::add)) {
      client.findCandidates(QUERY);

      assertThat(heard)
          .extracting(ApiUsage::used)
          .containsExactly(1_200L + org.calls() - 1, 1_200L + org.calls());
    }
  }

  @Test
  void aRefusedCallReportsNoStaleUsage() {
    try (SalesforceClient client = org.client(heard::add)) {
      client.findCandidates(QUERY);
      assertThat(heard).hasSize(2);
      org.org().updateLimits(2L, null, null);

      assertThatThrownBy(() -> client.findCandidates(QUERY))
          .isInstanceOf(SalesforceException.LimitExceeded.class);

      assertThat(heard).as("a fault carries no LimitInfoHeader").hasSize(2);
    }
  }
}
