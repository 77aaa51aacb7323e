package io.leadgate.service.budget;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks budget-service for permission before any Salesforce call, and reports what was spent. When
 * budget-service cannot be reached, nothing is granted: callers wait rather than spend blind.
 */
public class BudgetClient {

  private final RestClient http;

  public BudgetClient(URI budgetServiceUrl, String serviceToken, Duration timeout) {
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(timeout);
    requests.setReadTimeout(timeout);
    this.http =
        RestClient.builder()
            .baseUrl(budgetServiceUrl.toString())
            .requestFactory(requests)
            .defaultHeader("Authorization", "Bearer " + serviceToken)
            .build();
  }

  /** Purposes budget-service weighs differently near the cap. */
  public enum Purpose {
    CHECK,
    CREATE
  }

  /**
   * An allowance of up to {@code calls}; zero granted when the org is at its cap or unreachable.
   */
  public Allowance request(String orgId, long calls, Purpose purpose) {
    try {
      Allowance allowance =
          http.post()
              .uri("/api/v1/orgs/{orgId}/allowances", orgId)
              .body(Map.of("calls", calls, "purpose", purpose.name()))
              .retrieve()
              .body(Allowance.class);
      return allowance != null ? allowance : Allowance.none();
    } catch (RestClientException e) {
      return Allowance.none();
    }
  }

  /** Reports the calls a lease actually spent, returning the rest to the org's budget. */
  public void report(String orgId, Allowance allowance, long used) {
    if (allowance.leaseId() == null || allowance.granted() == 0) {
      return;
    }
    try {
      http.post()
          .uri("/api/v1/orgs/{orgId}/allowances/{leaseId}/usage", orgId, allowance.leaseId())
          .body(Map.of("used", used))
          .retrieve()
          .toBodilessEntity();
    } catch (RestClientException e) {
      // Unreported, the lease counts as fully spent until it expires: safe, only less efficient.
    }
  }
}
