package io.leadgate.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadgate.salesforce.EmulatedSalesforce.CountingTokenSource;
import io.leadgate.salesforce.EmulatedSalesforce.TestOrg;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One client serves many threads: each call runs on a connection no other thread is using. */
class ConcurrencyContractTest {

  private static final int THREADS = 8;
  private static final int CALLS_PER_THREAD = 10;

  private static EmulatedSalesforce salesforce;

  @BeforeAll
  static void startEmulator() {
    salesforce = EmulatedSalesforce.start();
  }

  @AfterAll
  static void stopEmulator() {
    salesforce.close();
  }

  @Test
  void eightThreadsShareOneClientWithoutLosingOrMixingUpCalls() throws Exception {
    TestOrg org = salesforce.newOrg();
    String ada =
        org.seed("Lead", Map.of("LastName", "Lovelace", "Company", "AE", "Email", "ada@l.example"));
    String grace = org.seed("Contact", Map.of("LastName", "Hopper", "Phone", "+1 555 0199"));
    CandidateQuery query =
        new CandidateQuery(Set.of("ada@l.example"), Set.of(), Set.of("+1 555 0199"));
    List<ApiUsage> heard = new CopyOnWriteArrayList<>();
    CountingTokenSource tokens = new CountingTokenSource(org.tokenSource());
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (SalesforceClient client =
        new SalesforceClient(org.settings(20_000, 4), tokens, heard::add)) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<CandidateResult>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  List<CandidateResult> results = new ArrayList<>();
                  for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    results.add(client.findCandidates(query));
                  }
                  return results;
                }));
      }
      start.countDown();
      List<CandidateResult> all = new ArrayList<>();
      for (Future<List<CandidateResult>> future : futures) {
        all.addAll(future.get(30, TimeUnit.SECONDS));
      }

      assertThat(all).hasSize(THREADS * CALLS_PER_THREAD);
      assertThat(all)
          .allSatisfy(
              r -> {
                assertThat(r.calls()).isEqualTo(2);
                assertThat(r.candidates())
                    .extracting(Candidate::id)
                    .containsExactlyInAnyOrder(ada, grace);
              });
      assertThat(org.calls()).isEqualTo(2L * THREADS * CALLS_PER_THREAD).isEqualTo(160);
      assertThat(heard).hasSize(160);
      // Two calls finishing together may read the same count (Salesforce's own counter is not
      // exact either); what a shared connection would break is one report per call.
      assertThat(heard).extracting(ApiUsage::used).allMatch(u -> u <= 160).contains(160L);
      assertThat(tokens.fetches()).as("all connections share one token").isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
