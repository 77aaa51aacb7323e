package io.leadgate.contracts;

import java.time.Instant;

/**
 * Usage read from a Salesforce response's LimitInfoHeader, on {@link Topics#SALESFORCE_API_USAGE}
 * keyed by org id. Budget-service reconciles its count with it.
 *
 * @param used the org's calls in the rolling 24 hours, every integration included
 * @param limit the org's daily limit
 * @param source the service that made the call
 * @param observedAt when the response carrying the reading arrived
 * @param requestedAt when the request that brought the reading was sent: Salesforce counted the
 *     usage no earlier, so every call that ended before this moment is in {@code used}. Null in
 *     records written before the field existed (budget-service then assumes its observation skew).
 */
public record SalesforceApiUsageObserved(
    int schemaVersion,
    String orgId,
    long used,
    long limit,
    String source,
    Instant observedAt,
    Instant requestedAt) {

  public static final int VERSION = 1;

  /** A reading without the moment of its request, as written before {@code requestedAt}. */
  public SalesforceApiUsageObserved(
      int schemaVersion, String orgId, long used, long limit, String source, Instant observedAt) {
    this(schemaVersion, orgId, used, limit, source, observedAt, null);
  }
}
